namespace TodoChatbot.Api.Tests;

/// <summary>
/// The built API run as a real process, as a container runs it: configuration mistakes stop it
/// with a one-line reason, and SIGTERM fails readiness before the process exits.
/// </summary>
public sealed class ProcessLifecycleTests : IDisposable
{
    private static readonly string StrongSecret = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48));
    private readonly string _databaseFile = Path.Combine(Path.GetTempPath(), $"todo-process-{Guid.NewGuid():N}.db");

    public static TheoryData<string, string?, string?, string> MisconfiguredStarts => new()
    {
        // name, JWT secret, database, expected words in the one-line reason
        { "no secret", null, "sqlite", "JWT_SECRET" },
        { "short secret", "only-31-bytes-long-not-enough!", "sqlite", "at least 32 bytes" },
        { "no database", "STRONG", null, "no database configured" },
        { "bad database url", "STRONG", "postgresql://user:pass@host/db?sslmode=sometimes", "sslmode=sometimes" },
    };

    [Theory]
    [MemberData(nameof(MisconfiguredStarts))]
    public async Task Outside_development_a_misconfigured_api_exits_1_with_a_one_line_reason(string name, string? secret, string? database, string reason)
    {
        var environment = new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{ServiceProcess.FreePort()}",
            ["JWT_SECRET"] = secret == "STRONG" ? StrongSecret : secret,
            ["DATABASE_URL"] = database == "sqlite" ? $"Data Source={_databaseFile}" : database,
        };
        await using var process = ServiceProcess.Start(Api, [], environment);

        var exitCode = await process.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.True(exitCode == 1, $"{name}: exit code {exitCode}\n{process.Output}");
        var reasonLines = process.Output.Split('\n').Where(line => line.Contains("cannot start", StringComparison.Ordinal)).ToArray();
        Assert.Single(reasonLines);
        Assert.Contains(reason, reasonLines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", process.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("pass@", process.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sigterm_fails_readiness_while_still_serving_then_exits_0()
    {
        var port = ServiceProcess.FreePort();
        await using var process = ServiceProcess.Start(Api, [], new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["JWT_SECRET"] = StrongSecret,
            ["ConnectionStrings__Todo"] = $"Data Source={_databaseFile}",
            ["Database__MigrateOnStartup"] = "true",
            // Long enough that a register (a password hash) answers inside the drain on a loaded CI machine:
            // at 3 s with a 5 s client timeout it once timed out under a load average of 18.
            ["Shutdown__DrainDelaySeconds"] = "10",
        });
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(20) };
        await WaitForStatusAsync(client, "/readyz", HttpStatusCode.OK, TimeSpan.FromSeconds(60), process);
        Assert.NotEqual(true, (await client.GetAsync("/healthz", Cancellation)).Headers.ConnectionClose);

        process.Terminate();
        await WaitForStatusAsync(client, "/readyz", HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(2), process);

        // Draining: not ready, but alive and still answering requests already routed to it.
        Assert.False(process.HasExited);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz", Cancellation)).StatusCode);
        const string password = "Distinctive-Password-4711";
        var register = await client.PostAsJsonAsync("/api/auth/register", new { email = $"drain-{Guid.NewGuid():N}@example.com", password }, Cancellation);
        Assert.Equal(HttpStatusCode.Created, register.StatusCode);
        // ... each on a connection closed after the answer: keep-alive clients move to a ready pod
        // before the server stops (a Service balances per connection, see DrainConnections).
        Assert.True(register.Headers.ConnectionClose, "a response during the drain kept its connection open");
        var token = (await register.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(Cancellation)).GetProperty("token").GetString()!;

        Assert.Equal(0, await process.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains("Shutdown started", process.Output, StringComparison.Ordinal);
        // The production log (JSON, Information level) never holds a password, a token or the signing secret.
        Assert.Contains("\"LogLevel\":\"Information\"", process.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(password, process.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(token, process.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(StrongSecret, process.Output, StringComparison.Ordinal);
    }

    private static string Api => RepositoryPaths.ServiceAssembly("backend", "TodoChatbot.Api");

    private static async Task WaitForStatusAsync(HttpClient client, string path, HttpStatusCode expected, TimeSpan within, ServiceProcess process)
    {
        var deadline = DateTime.UtcNow + within;
        HttpStatusCode? last = null;
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(process.HasExited, $"the API exited early:\n{process.Output}");
            try
            {
                last = (await client.GetAsync(path, Cancellation)).StatusCode;
                if (last == expected)
                    return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(100, Cancellation);
        }
        Assert.Fail($"{path} did not answer {(int)expected} within {within} (last: {last})\n{process.Output}");
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_databaseFile);
    }
}
