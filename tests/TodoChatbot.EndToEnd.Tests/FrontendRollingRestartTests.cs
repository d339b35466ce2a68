namespace TodoChatbot.EndToEnd.Tests;

/// <summary>
/// A rolling restart of two frontend replicas under browser-like load (keep-alive connections,
/// session cookie, GET and POST) through a balancer that works as kube-proxy does: per TCP
/// connection, following <c>/readyz</c>, with established connections pinned to their replica.
/// Each replica gets SIGTERM, drains and exits, and its replacement starts on the same address;
/// then the other. No request may fail: the other replica could always have taken it.
/// </summary>
public sealed class FrontendRollingRestartTests : IAsyncDisposable
{
    // The window this guards is a race (a request on the wire as the stopping server closes its
    // connection): 12 connections and 4 restarts make it show on nearly every run without the fix.
    private const int LoadClients = 12;
    private const int Rounds = 2;
    private readonly ProcessGroup _processes = new();

    [Fact]
    public async Task A_rolling_restart_of_both_frontends_under_keep_alive_load_fails_no_request()
    {
        var backendUrl = new Uri($"http://127.0.0.1:{ServiceProcess.FreePort()}");
        var backendEnvironment = BackendEnvironment.Production(await PostgresServer.RequireDatabaseAsync("frontend_rolling"), backendUrl);
        await using (var migrate = ServiceProcess.Start(Api, ["migrate"], backendEnvironment))
            Assert.True(await migrate.WaitForExitAsync(TimeSpan.FromSeconds(120)) == 0, migrate.Output);
        var backend = _processes.Track(ServiceProcess.Start(Api, [], backendEnvironment));
        await HttpWait.UntilOkAsync(new Uri(backendUrl, "/readyz"), TimeSpan.FromSeconds(90), backend);

        Uri[] frontends = [new($"http://127.0.0.1:{ServiceProcess.FreePort()}"), new($"http://127.0.0.1:{ServiceProcess.FreePort()}")];
        var replicas = await Task.WhenAll(frontends.Select(url => StartFrontendAsync(url, backendUrl)));
        var balancer = _processes.Own(TcpReadinessBalancer.Start(frontends));
        await balancer.WaitUntilRoutedAsync(0, TimeSpan.FromSeconds(10));
        await balancer.WaitUntilRoutedAsync(1, TimeSpan.FromSeconds(10));

        var (client, userId) = await BrowserClient.SignInAsync(balancer.Url, "frontend-rolling");
        using var browser = client;
        var load = new LoadLoop(browser, userId, streamedBodies: true);
        var running = load.RunAsync(LoadClients);

        await RollingReplacement.RunAsync(load, replicas, Enumerable.Range(0, Rounds).SelectMany(_ => Enumerable.Range(0, replicas.Length)), index => StartFrontendAsync(frontends[index], backendUrl), balancer);
        await RollingReplacement.AssertNothingLostAsync(load, running);
    }

    private static string Api => RepositoryPaths.ServiceAssembly("backend", "TodoChatbot.Api");

    private async Task<ServiceProcess> StartFrontendAsync(Uri url, Uri backendUrl)
    {
        var process = _processes.Track(ServiceProcess.Start(RepositoryPaths.ServiceAssembly("frontend", "TodoChatbot.Web"), [], new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_URLS"] = url.ToString(),
            ["BACKEND_URL"] = backendUrl.ToString(),
            // 12 balancer probe intervals, with room for a busy CI machine (see RollingRestartTests).
            ["Shutdown__DrainDelaySeconds"] = "3",
        }));
        await HttpWait.UntilOkAsync(new Uri(url, "/readyz"), TimeSpan.FromSeconds(90), process);
        return process;
    }

    public ValueTask DisposeAsync() => _processes.DisposeAsync();
}
