namespace TodoChatbot.Api.Tests.Auth;

public sealed class RateLimitTests(RateLimitTests.StrictFactory factory)
    : ApiTestBase(factory), IClassFixture<RateLimitTests.StrictFactory>
{
    [Fact]
    public async Task Login_and_register_beyond_the_limit_get_429_with_retry_after_and_a_problem()
    {
        using var client = AnonymousClient();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var allowed = await client.PostAsJsonAsync("/api/auth/login", new LoginRequest(UniqueEmail(), "whatever1"), Json, Cancellation);
            Assert.Equal(HttpStatusCode.Unauthorized, allowed.StatusCode);
        }

        var login = await client.PostAsJsonAsync("/api/auth/login", new LoginRequest(UniqueEmail(), "whatever1"), Json, Cancellation);
        var register = await client.PostAsJsonAsync("/api/auth/register", new RegisterRequest(UniqueEmail(), "whatever1"), Json, Cancellation);

        foreach (var response in new[] { login, register })
        {
            var problem = await AssertProblemAsync(response, HttpStatusCode.TooManyRequests);
            Assert.Contains("Try again in", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            var retryAfter = response.Headers.RetryAfter?.Delta;
            Assert.NotNull(retryAfter);
            Assert.InRange(retryAfter.Value.TotalSeconds, 1, 60);
        }
    }

    [Fact]
    public async Task Other_endpoints_are_not_limited()
    {
        using var client = AnonymousClient();
        for (var attempt = 0; attempt < 10; attempt++)
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz", Cancellation)).StatusCode);
    }

    /// <summary>Three attempts a minute, on SQLite.</summary>
    public sealed class StrictFactory : ApiFactory
    {
        private readonly string _file = Path.Combine(Path.GetTempPath(), $"todo-ratelimit-{Guid.NewGuid():N}.db");

        protected override IReadOnlyDictionary<string, string> ExtraSettings { get; } = new Dictionary<string, string>
        {
            ["RateLimiting:Auth:PermitLimit"] = "3",
            ["RateLimiting:Auth:WindowSeconds"] = "60",
            ["RateLimiting:Chat:PermitLimit"] = "3",
            ["RateLimiting:Chat:WindowSeconds"] = "60",
        };

        protected override Task<(string? Setting, string? Unavailable)> PrepareDatabaseAsync() =>
            Task.FromResult<(string?, string?)>(($"Data Source={_file}", null));
    }
}

/// <summary>In a class of its own: it registers users, which counts against the sign-in limit the other class tests.</summary>
public sealed class ChatRateLimitTests(RateLimitTests.StrictFactory factory)
    : ApiTestBase(factory), IClassFixture<RateLimitTests.StrictFactory>
{
    [Fact]
    public async Task Chat_messages_are_limited_per_user()
    {
        var first = await RegisterAsync();
        var second = await RegisterAsync();
        for (var message = 0; message < 3; message++)
            await ChatAsync(first, "what's pending?");

        var limited = await first.Client.PostAsJsonAsync($"/api/{first.Id}/chat", new ChatRequest(null, "what's pending?"), Json, Cancellation);
        var otherUser = await second.Client.PostAsJsonAsync($"/api/{second.Id}/chat", new ChatRequest(null, "what's pending?"), Json, Cancellation);

        await AssertProblemAsync(limited, HttpStatusCode.TooManyRequests);
        Assert.NotNull(limited.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, otherUser.StatusCode);
    }
}
