namespace TodoChatbot.EndToEnd.Tests;

/// <summary>
/// A rolling restart of two backend replicas under steady load through the frontend's proxy: each
/// replica gets SIGTERM (readiness fails at once, it keeps serving for the drain delay, then
/// finishes what it accepted), its replacement starts on the same address and takes traffic once
/// ready, then the other replica. With a balancer that follows readiness (as a Kubernetes Service
/// does) no request may fail: the other replica could always have taken it.
/// </summary>
public sealed class RollingRestartTests : IAsyncDisposable
{
    private const int LoadClients = 6;
    private readonly ProcessGroup _processes = new();

    [Fact]
    public async Task A_rolling_restart_of_both_backends_under_load_fails_no_request()
    {
        var database = await PostgresServer.RequireDatabaseAsync("rolling");
        var backendEnvironment = BackendEnvironment.Production(database);
        // 12 balancer probe intervals, with room for a busy CI machine: the balancer stops routing
        // here before the server stops accepting (the product's default is 5 s, for slower
        // Kubernetes endpoint updates).
        backendEnvironment["Shutdown__DrainDelaySeconds"] = "3";
        await using (var migrate = ServiceProcess.Start(Api, ["migrate"], backendEnvironment))
            Assert.True(await migrate.WaitForExitAsync(TimeSpan.FromSeconds(120)) == 0, migrate.Output);

        Uri[] backends = [new($"http://127.0.0.1:{ServiceProcess.FreePort()}"), new($"http://127.0.0.1:{ServiceProcess.FreePort()}")];
        var replicas = await Task.WhenAll(backends.Select(url => StartBackendAsync(url, backendEnvironment)));
        var balancer = _processes.Own(TcpReadinessBalancer.Start(backends));
        var frontendUrl = new Uri($"http://127.0.0.1:{ServiceProcess.FreePort()}");
        var frontend = _processes.Track(ServiceProcess.Start(RepositoryPaths.ServiceAssembly("frontend", "TodoChatbot.Web"), [], new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_URLS"] = frontendUrl.ToString(),
            ["BACKEND_URL"] = balancer.Url.ToString(),
        }));
        await HttpWait.UntilOkAsync(new Uri(frontendUrl, "/readyz"), TimeSpan.FromSeconds(90), frontend);
        await balancer.WaitUntilRoutedAsync(0, TimeSpan.FromSeconds(10));
        await balancer.WaitUntilRoutedAsync(1, TimeSpan.FromSeconds(10));

        var (client, userId) = await BrowserClient.SignInAsync(frontendUrl, "rolling");
        using var browser = client;
        var load = new LoadLoop(browser, userId);
        var running = load.RunAsync(LoadClients);

        await RollingReplacement.RunAsync(load, replicas, Enumerable.Range(0, replicas.Length), index => StartBackendAsync(backends[index], backendEnvironment), balancer);
        await RollingReplacement.AssertNothingLostAsync(load, running, _processes.Outputs);
    }

    private static string Api => RepositoryPaths.ServiceAssembly("backend", "TodoChatbot.Api");

    private async Task<ServiceProcess> StartBackendAsync(Uri url, Dictionary<string, string?> environment)
    {
        var process = _processes.Track(ServiceProcess.Start(Api, [], new Dictionary<string, string?>(environment) { ["ASPNETCORE_URLS"] = url.ToString() }));
        await HttpWait.UntilOkAsync(new Uri(url, "/readyz"), TimeSpan.FromSeconds(90), process);
        return process;
    }

    public ValueTask DisposeAsync() => _processes.DisposeAsync();
}
