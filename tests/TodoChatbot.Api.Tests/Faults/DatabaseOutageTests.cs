using System.Globalization;
using System.Text.Json;

namespace TodoChatbot.Api.Tests.Faults;

/// <summary>
/// PostgreSQL stopped under a running API for a while, then started again. Throughout: liveness
/// stays up (so Kubernetes does not kill a pod for a database outage), readiness fails, every API
/// call answers quickly with a 503 problem that says what is wrong (never a 500 or a hang), and
/// afterwards the same process serves again with no restart. The compose test restarts postgres
/// at once; this one holds the outage for TODO_TEST_DB_OUTAGE_SECONDS (10 s by default so CI
/// stays short; the 30 s: TODO_TEST_DB_OUTAGE_SECONDS=30).
/// </summary>
public sealed class DatabaseOutageTests
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(
        int.TryParse(Environment.GetEnvironmentVariable("TODO_TEST_DB_OUTAGE_SECONDS"), CultureInfo.InvariantCulture, out var seconds) ? seconds : 10);

    /// <summary>Longest a call may take during the outage: an answer, not a hang.</summary>
    private static readonly TimeSpan QuickAnswer = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task A_stopped_database_gives_503_problems_and_not_ready_then_the_same_process_recovers()
    {
        await using var server = await PostgresServer.StartDedicatedAsync();
        await using var backend = await BackendProcess.StartAsync(await server.CreateDatabaseAsync("outage"));
        await backend.SignInAsync(Cancellation);
        Assert.Equal(HttpStatusCode.Created, (await CreateAsync(backend, "before the outage")).StatusCode);

        await server.StopServerAsync();
        var outageEnds = DateTime.UtcNow + Outage;
        var calls = 0;
        while (DateTime.UtcNow < outageEnds)
        {
            Assert.Equal(HttpStatusCode.OK, (await TimedAsync(() => backend.Client.GetAsync("/healthz", Cancellation))).StatusCode);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await TimedAsync(() => backend.Client.GetAsync("/readyz", Cancellation))).StatusCode);
            await AssertDatabaseUnavailableAsync(await TimedAsync(() => backend.Client.GetAsync(backend.Tasks, Cancellation)));
            await AssertDatabaseUnavailableAsync(await TimedAsync(() => CreateAsync(backend, "during the outage")));
            await AssertDatabaseUnavailableAsync(await TimedAsync(() => backend.Client.PostAsJsonAsync(
                $"/api/{backend.UserId}/chat", new ChatRequest(null, "Show me all my tasks"), ContractJson.Options, Cancellation)));
            calls += 5;
            await Task.Delay(500, Cancellation);
        }
        Assert.True(calls >= 10, $"only {calls} calls during the outage");

        await server.StartServerAsync();
        await HttpWait.UntilOkAsync(new Uri(backend.Client.BaseAddress!, "/readyz"), TimeSpan.FromSeconds(30), backend.Process);
        // Pooled connections broken by the restart must not surface as errors once ready.
        for (var i = 0; i < 20; i++)
            Assert.Equal(HttpStatusCode.OK, (await backend.Client.GetAsync(backend.Tasks, Cancellation)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await CreateAsync(backend, "after the outage")).StatusCode);
        var titles = (await backend.Client.GetFromJsonAsync<TaskDto[]>(backend.Tasks, ContractJson.Options, Cancellation))!.Select(t => t.Title);
        Assert.Equal(["before the outage", "after the outage"], titles);
        Assert.False(backend.Process.HasExited, "the API exited during the outage");
    }

    private static Task<HttpResponseMessage> CreateAsync(BackendProcess backend, string title) =>
        backend.Client.PostAsJsonAsync(backend.Tasks, new CreateTaskRequest(title, null), ContractJson.Options, Cancellation);

    private static async Task<HttpResponseMessage> TimedAsync(Func<Task<HttpResponseMessage>> call)
    {
        var started = DateTime.UtcNow;
        var response = await call();
        Assert.True(DateTime.UtcNow - started < QuickAnswer, $"{response.RequestMessage?.RequestUri} took {DateTime.UtcNow - started}");
        return response;
    }

    private static async Task AssertDatabaseUnavailableAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync(Cancellation);
        var call = $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.AbsolutePath}";
        Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{call} answered {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(response.Headers.RetryAfter);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal("Database unavailable", problem.GetProperty("title").GetString());
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
    }
}
