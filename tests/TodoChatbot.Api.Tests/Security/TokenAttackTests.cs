using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace TodoChatbot.Api.Tests.Security;

/// <summary>
/// Forged and doctored bearer tokens against every protected route, the MCP endpoint included.
/// TokenTests covers ten classic flaws on five task routes; this adds the attacks that take a
/// real token apart (swapped subject, stretched expiry, algorithm confusion, stripped or borrowed
/// signatures, embedded keys, key-id tricks), a token of a deleted account and a token without a
/// subject, and runs the classic flaws again on the routes TokenTests does not reach.
/// </summary>
public abstract class TokenAttackTests(ApiFactory factory) : ApiTestBase(factory)
{
    public static TheoryData<string> Attacks => new()
    {
        // a real token with its payload edited, signature kept
        "subject swapped for the victim's",
        "expiry stretched on an expired token",
        // algorithm tricks with the real secret
        "alg RS256 header, HMAC-signed with the secret (key confusion)",
        "alg None (capitalised), no signature",
        "alg none, the real signature kept",
        "alg HS384 with the real secret",
        // signature tricks
        "empty signature",
        "signature of another valid token",
        "signed with the attacker's key embedded as a jwk header",
        "kid pointing at /dev/null, signed with an empty key",
        // claims
        "no subject claim, otherwise valid",
        "no issuer",
        "no audience",
        // the classic flaws, on every route
        "expired",
        "not yet valid",
        "wrong key",
        "wrong issuer",
        "wrong audience",
        "token in the query string instead of the header",
    };

    [Theory]
    [MemberData(nameof(Attacks))]
    public async Task Every_protected_route_answers_401(string attack)
    {
        var (victim, attacker, taskId) = await SetSceneAsync();
        var before = await RowCountsAsync();
        var token = Forge(attack, attacker, victim.Id);
        using var client = AnonymousClient();
        var inQuery = attack.StartsWith("token in the query", StringComparison.Ordinal);
        if (!inQuery)
            client.DefaultRequestHeaders.Authorization = new("Bearer", token);

        await AssertUnauthorizedEverywhereAsync(client, Routes(victim.Id, taskId), attack, inQuery ? $"access_token={token}" : null);

        Assert.Equal(before, await RowCountsAsync());
    }

    /// <summary>Each route, sent with the client's token (or the query given), answers a 401 problem.</summary>
    private static async Task AssertUnauthorizedEverywhereAsync(HttpClient client, IEnumerable<Route> routes, string attack, string? query)
    {
        foreach (var route in routes)
        {
            using var request = route.Build(query);
            var response = await client.SendAsync(request, Cancellation);
            var body = await response.Content.ReadAsStringAsync(Cancellation);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{attack} on {route.Name}: {(int)response.StatusCode} {body}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task The_token_of_a_deleted_account_answers_401_everywhere()
    {
        var (victim, _, taskId) = await SetSceneAsync();
        await DeleteAccountAsync(victim);
        var before = await RowCountsAsync();

        await AssertUnauthorizedEverywhereAsync(victim.Client, Routes(victim.Id, taskId), "deleted account", query: null);
        Assert.Equal(before, await RowCountsAsync());
    }

    [Fact]
    public async Task The_forger_makes_tokens_the_service_accepts_so_each_attack_fails_for_its_flaw()
    {
        var (victim, attacker, taskId) = await SetSceneAsync();
        using var client = ClientWithToken(Forge("valid", attacker, victim.Id));
        var ownRoutes = Routes(attacker.Id, taskId).Where(route => route.Method == HttpMethod.Get);

        foreach (var route in ownRoutes)
        {
            using var request = route.Build(query: null);
            var response = await client.SendAsync(request, Cancellation);
            Assert.True((int)response.StatusCode is 200 or 404, $"valid forged token on {route.Name}: {(int)response.StatusCode}");
        }
    }

    private sealed record Route(string Name, HttpMethod Method, string Path, string? Body, bool Mcp = false)
    {
        public HttpRequestMessage Build(string? query)
        {
            var request = new HttpRequestMessage(Method, query is null ? Path : $"{Path}?{query}");
            if (Body is not null)
                request.Content = new StringContent(Body, Encoding.UTF8, "application/json");
            if (Mcp)
            {
                request.Headers.Accept.ParseAdd("application/json");
                request.Headers.Accept.ParseAdd("text/event-stream");
            }
            return request;
        }
    }

    /// <summary>Every route that needs a token (the sign-in routes are the only ones that do not).</summary>
    private static IEnumerable<Route> Routes(string userId, int taskId) =>
    [
        new("GET /api/auth/me", HttpMethod.Get, "/api/auth/me", null),
        new("GET tasks", HttpMethod.Get, $"/api/{userId}/tasks", null),
        new("POST tasks", HttpMethod.Post, $"/api/{userId}/tasks", """{"title":"Planted"}"""),
        new("GET task", HttpMethod.Get, $"/api/{userId}/tasks/{taskId}", null),
        new("PUT task", HttpMethod.Put, $"/api/{userId}/tasks/{taskId}", """{"title":"Changed"}"""),
        new("DELETE task", HttpMethod.Delete, $"/api/{userId}/tasks/{taskId}", null),
        new("PATCH task complete", HttpMethod.Patch, $"/api/{userId}/tasks/{taskId}/complete", null),
        new("POST chat", HttpMethod.Post, $"/api/{userId}/chat", """{"message":"add a task to plant a flag"}"""),
        new("GET conversations", HttpMethod.Get, $"/api/{userId}/conversations", null),
        new("GET messages", HttpMethod.Get, $"/api/{userId}/conversations/1/messages", null),
        new("POST /mcp tools/list", HttpMethod.Post, "/mcp", """{"jsonrpc":"2.0","id":1,"method":"tools/list"}""", Mcp: true),
        new("POST /mcp tools/call", HttpMethod.Post, "/mcp",
            """{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"add_task","arguments":{"title":"Planted"}}}""", Mcp: true),
    ];

    private async Task<(TestUser Victim, TestUser Attacker, int TaskId)> SetSceneAsync()
    {
        var victim = await RegisterAsync(UniqueEmail("victim"));
        var attacker = await RegisterAsync(UniqueEmail("attacker"));
        var task = await CreateTaskAsync(victim, "Victim's task");
        return (victim, attacker, task.Id);
    }

    private static string Forge(string attack, TestUser attacker, string victimId)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var secret = Encoding.UTF8.GetBytes(ApiFactory.JwtSecret);
        var claims = new Dictionary<string, object>
        {
            ["sub"] = attacker.Id,
            ["iss"] = "todo-chatbot",
            ["aud"] = "todo-chatbot",
            ["iat"] = now,
            ["nbf"] = now,
            ["exp"] = now + 3600,
        };
        string Payload() => System.Text.Json.JsonSerializer.Serialize(claims);
        var hs256 = """{"alg":"HS256","typ":"JWT"}""";
        var realParts = attacker.Token.Split('.');

        switch (attack)
        {
            case "valid":
                return Sign(hs256, Payload(), secret);
            case "subject swapped for the victim's":
                return Replace(attacker.Token, payload => payload.Replace(attacker.Id, victimId, StringComparison.Ordinal));
            case "expiry stretched on an expired token":
                claims["iat"] = claims["nbf"] = now - 7200;
                claims["exp"] = now - 3600;
                var expired = Sign(hs256, Payload(), secret);
                return Replace(expired, payload => payload.Replace($"\"exp\":{now - 3600}", $"\"exp\":{now + 3600}", StringComparison.Ordinal));
            case "alg RS256 header, HMAC-signed with the secret (key confusion)":
                return Sign("""{"alg":"RS256","typ":"JWT"}""", Payload(), secret, HMACSHA256.HashData);
            case "alg None (capitalised), no signature":
                return $"{B64("""{"alg":"None","typ":"JWT"}""")}.{B64(Payload())}.";
            case "alg none, the real signature kept":
                return $"{B64("""{"alg":"none","typ":"JWT"}""")}.{realParts[1]}.{realParts[2]}";
            case "alg HS384 with the real secret":
                return Sign("""{"alg":"HS384","typ":"JWT"}""", Payload(), secret, HMACSHA384.HashData);
            case "empty signature":
                return $"{realParts[0]}.{realParts[1]}.";
            case "signature of another valid token":
                return $"{realParts[0]}.{B64(Payload())}.{realParts[2]}";
            case "signed with the attacker's key embedded as a jwk header":
                var attackerKey = RandomNumberGenerator.GetBytes(48);
                var jwk = $"{{\"kty\":\"oct\",\"k\":\"{Base64UrlEncoder.Encode(attackerKey)}\"}}";
                return Sign($$"""{"alg":"HS256","typ":"JWT","jwk":{{jwk}}}""", Payload(), attackerKey);
            case "kid pointing at /dev/null, signed with an empty key":
                return Sign("""{"alg":"HS256","typ":"JWT","kid":"../../../../dev/null"}""", Payload(), [], HMACSHA256.HashData);
            case "no subject claim, otherwise valid":
                claims.Remove("sub");
                return Sign(hs256, Payload(), secret);
            case "no issuer":
                claims.Remove("iss");
                return Sign(hs256, Payload(), secret);
            case "no audience":
                claims.Remove("aud");
                return Sign(hs256, Payload(), secret);
            case "expired":
                claims["iat"] = claims["nbf"] = now - 7200;
                claims["exp"] = now - 3600; // beyond the 30 s clock skew
                return Sign(hs256, Payload(), secret);
            case "not yet valid":
                claims["nbf"] = now + 3600;
                claims["exp"] = now + 7200;
                return Sign(hs256, Payload(), secret);
            case "wrong key":
                return Sign(hs256, Payload(), Encoding.UTF8.GetBytes("another-secret-of-at-least-32-bytes-long!!"));
            case "wrong issuer":
                claims["iss"] = "someone-else";
                return Sign(hs256, Payload(), secret);
            case "wrong audience":
                claims["aud"] = "someone-else";
                return Sign(hs256, Payload(), secret);
            case "token in the query string instead of the header":
                return attacker.Token;
            default:
                throw new ArgumentOutOfRangeException(nameof(attack), attack, "no such attack");
        }
    }

    private static string B64(string json) => Base64UrlEncoder.Encode(json);

    private static string Sign(string header, string payload, byte[] key, Func<byte[], byte[], byte[]>? mac = null)
    {
        var data = $"{B64(header)}.{B64(payload)}";
        return $"{data}.{Base64UrlEncoder.Encode((mac ?? HMACSHA256.HashData)(key, Encoding.ASCII.GetBytes(data)))}";
    }

    /// <summary>Edits a token's payload and keeps its original header and signature.</summary>
    private static string Replace(string token, Func<string, string> edit)
    {
        var parts = token.Split('.');
        var edited = edit(Base64UrlEncoder.Decode(parts[1]));
        Assert.NotEqual(Base64UrlEncoder.Decode(parts[1]), edited); // the edit really changed something
        return $"{parts[0]}.{B64(edited)}.{parts[2]}";
    }
}

[Collection(SqliteCollection.Name)]
public sealed class TokenAttackTestsOnSqlite(SqliteApiFactory factory) : TokenAttackTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class TokenAttackTestsOnPostgres(PostgresApiFactory factory) : TokenAttackTests(factory);
