using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace TodoChatbot.Api.Tests.Auth;

/// <summary>Every token that is not a valid, current token of this service gets 401, on every protected route.</summary>
public abstract class TokenTests(ApiFactory factory) : ApiTestBase(factory)
{
    public static TheoryData<string> BadTokens => new()
    {
        "missing",
        "malformed",
        "expired",
        "not-yet-valid",
        "wrong-key",
        "wrong-issuer",
        "wrong-audience",
        "alg-none",
        "hs512",
        "no-expiry",
    };

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task Protected_routes_answer_401_problem_details(string kind)
    {
        var user = await RegisterAsync();
        var task = await CreateTaskAsync(user, "Private");
        using var client = AnonymousClient();
        if (kind != "missing")
            client.DefaultRequestHeaders.Authorization = new("Bearer", Forge(kind, user.Id));

        foreach (var (method, url) in new[]
                 {
                     (HttpMethod.Get, "/api/auth/me"),
                     (HttpMethod.Get, user.Tasks),
                     (HttpMethod.Get, $"{user.Tasks}/{task.Id}"),
                     (HttpMethod.Delete, $"{user.Tasks}/{task.Id}"),
                     (HttpMethod.Patch, $"{user.Tasks}/{task.Id}/complete"),
                 })
        {
            var response = await client.SendAsync(new HttpRequestMessage(method, url), Cancellation);
            await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        }
        var stillThere = await ListTasksAsync(user);
        Assert.False(Assert.Single(stillThere).Completed);
    }

    [Fact]
    public async Task A_token_forged_with_the_real_secret_is_accepted_so_the_bad_ones_fail_for_their_flaw()
    {
        var user = await RegisterAsync();
        using var client = ClientWithToken(Forge("valid", user.Id));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/auth/me", Cancellation)).StatusCode);
    }

    private static string Forge(string kind, string userId)
    {
        var now = DateTime.UtcNow;
        var key = kind == "wrong-key" ? "another-secret-of-at-least-32-bytes-long!!" : ApiFactory.JwtSecret;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = kind == "wrong-issuer" ? "someone-else" : "todo-chatbot",
            Audience = kind == "wrong-audience" ? "someone-else" : "todo-chatbot",
            Subject = new ClaimsIdentity([new Claim("sub", userId)]),
            IssuedAt = kind == "expired" ? now.AddHours(-3) : now,
            NotBefore = kind switch
            {
                "expired" => now.AddHours(-3),
                "not-yet-valid" => now.AddHours(1),
                _ => now,
            },
            Expires = kind switch
            {
                "expired" => now.AddHours(-2),
                "not-yet-valid" => now.AddHours(2),
                _ => now.AddHours(1),
            },
            SigningCredentials = new SigningCredentials(
                new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)),
                SecurityAlgorithms.HmacSha256),
        };
        var handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };
        switch (kind)
        {
            case "malformed":
                return "not.a.jwt";
            case "alg-none":
                descriptor.SigningCredentials = null;
                return handler.CreateToken(descriptor); // header {"alg":"none"}, no signature
            case "no-expiry":
                return SignWithRealSecret("HS256", $$"""{"sub":"{{userId}}","iss":"todo-chatbot","aud":"todo-chatbot"}""");
            case "hs512":
                // Same secret, another algorithm: the service accepts HS256 only.
                return SignWithRealSecret("HS512", $$"""{"sub":"{{userId}}","iss":"todo-chatbot","aud":"todo-chatbot","exp":{{new DateTimeOffset(now.AddHours(1)).ToUnixTimeSeconds()}}}""");
            default:
                return handler.CreateToken(descriptor);
        }
    }

    /// <summary>Signs by hand what the token library refuses to make (no expiry, HS512 with a 48-byte key).</summary>
    private static string SignWithRealSecret(string algorithm, string payloadJson)
    {
        var header = Base64UrlEncoder.Encode($$"""{"alg":"{{algorithm}}","typ":"JWT"}""");
        var payload = Base64UrlEncoder.Encode(payloadJson);
        var key = Encoding.UTF8.GetBytes(ApiFactory.JwtSecret);
        var data = Encoding.ASCII.GetBytes($"{header}.{payload}");
        var signature = algorithm == "HS512" ? HMACSHA512.HashData(key, data) : HMACSHA256.HashData(key, data);
        return $"{header}.{payload}.{Base64UrlEncoder.Encode(signature)}";
    }
}

[Collection(SqliteCollection.Name)]
public sealed class TokenTestsOnSqlite(SqliteApiFactory factory) : TokenTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class TokenTestsOnPostgres(PostgresApiFactory factory) : TokenTests(factory);
