namespace TodoChatbot.Api.Tests.Mcp;

/// <summary>
/// The MCP server driven by a client nobody here wrote: the official TypeScript SDK's, against the
/// backend run as a real process (tests/mcp-client/check-server.mjs holds the checks).
/// </summary>
public sealed class McpTypeScriptClientTests
{
    private const int Checks = 10;
    [Fact]
    public async Task The_official_typescript_client_finds_every_tool_working_and_every_refusal_in_place()
    {
        TestEnvironment.Require(!File.Exists(RepositoryPaths.Combine("tools", "node", ".installed"))
            ? "the MCP TypeScript SDK is not installed (scripts/ci/install-node-tools.sh)" : null);
        var url = new Uri($"http://127.0.0.1:{ServiceProcess.FreePort()}");
        var environment = BackendEnvironment.Production(await PostgresServer.RequireDatabaseAsync("mcp_ts"), url);
        var api = RepositoryPaths.ServiceAssembly("backend", "TodoChatbot.Api");
        await using (var migrate = ServiceProcess.Start(api, ["migrate"], environment))
            Assert.True(await migrate.WaitForExitAsync(TimeSpan.FromSeconds(120)) == 0, migrate.Output);
        await using var backend = ServiceProcess.Start(api, [], environment);
        await HttpWait.UntilOkAsync(new Uri(url, "/readyz"), TimeSpan.FromSeconds(90), backend);
        using var http = new HttpClient { BaseAddress = url };

        var (exitCode, report) = await Command.RunAsync("node", [RepositoryPaths.Combine("tests", "mcp-client", "check-server.mjs")], new Dictionary<string, string?>
        {
            ["MCP_URL"] = new Uri(url, "/mcp").ToString(),
            ["TOKEN_A"] = await RegisterAsync(http, "alice"),
            ["TOKEN_B"] = await RegisterAsync(http, "bob"),
        }, cancellationToken: Cancellation);

        Assert.True(exitCode == 0, $"{report}\n--- backend ---\n{backend.Output}");
        Assert.Equal(Checks, report.Split('\n').Count(line => line.StartsWith("ok - ", StringComparison.Ordinal)));
        Assert.Contains($"{Checks} checks passed", report, StringComparison.Ordinal);
        // A wrong argument is an answer, not a crash: no tool of ours was logged as throwing. (The SDK
        // itself logs the unknown tool it answers -32602 for; that one is not a tool of ours.)
        foreach (var tool in ToolNames.All)
            Assert.DoesNotContain($"{tool}\\u0022 threw an unhandled exception", backend.Output, StringComparison.Ordinal);
    }

    private static async Task<string> RegisterAsync(HttpClient http, string who)
    {
        var response = await http.PostAsJsonAsync("/api/auth/register", new { email = $"{who}-{Guid.NewGuid():N}@example.com", password = "correct horse battery" }, ContractJson.Options, Cancellation);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Cancellation));
        return (await response.Content.ReadFromJsonAsync<AuthResponse>(ContractJson.Options, Cancellation))!.Token;
    }
}
