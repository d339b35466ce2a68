using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using TodoChatbot.Testing;

namespace TodoChatbot.EndToEnd.Tests;

/// <summary>
/// A rolling restart of two backend replicas under steady load through the frontend's proxy: each
/// replica gets SIGTERM (readiness fails at once, it keeps serving for the drain delay, then
/// finishes what it accepted), its replacement starts on the same address and takes traffic once
/// ready, then the other replica. With a balancer that follows readiness (as a Kubernetes Service
/// does) no request may fail: the other replica could always have taken it.
/// </summary>
public sealed class RollingRestartTests : IAsyncLifetime
{
    private const int LoadClients = 6;
    private readonly List<ServiceProcess> _processes = [];
    private ReadinessBalancer? _balancer;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_rolling_restart_of_both_backends_under_load_fails_no_request()
    {
        var (server, unavailable) = await PostgresServer.GetSharedAsync();
        TestEnvironment.Require(unavailable);
        var database = await server!.CreateDatabaseAsync("rolling");
        var backendEnvironment = BackendEnvironment.Production(database);
        // 12 balancer probe intervals, with room for a busy CI machine: the balancer stops routing
        // here before the server stops accepting (the product's default is 5 s, for slower
        // Kubernetes endpoint updates).
        backendEnvironment["Shutdown__DrainDelaySeconds"] = "3";
        await using (var migrate = ServiceProcess.Start(Api, ["migrate"], backendEnvironment))
            Assert.True(await migrate.WaitForExitAsync(TimeSpan.FromSeconds(120)) == 0, migrate.Output);

        Uri[] backends = [new($"http://127.0.0.1:{ServiceProcess.FreePort()}"), new($"http://127.0.0.1:{ServiceProcess.FreePort()}")];
        var replicas = await Task.WhenAll(backends.Select(url => StartBackendAsync(url, backendEnvironment)));
        _balancer = await ReadinessBalancer.StartAsync(backends);
        var frontendUrl = new Uri($"http://127.0.0.1:{ServiceProcess.FreePort()}");
        var frontend = Track(ServiceProcess.Start(RepositoryPaths.ServiceAssembly("frontend", "TodoChatbot.Web"), [], new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_URLS"] = frontendUrl.ToString(),
            ["BACKEND_URL"] = _balancer.Url.ToString(),
        }));
        await HttpWait.UntilOkAsync(new Uri(frontendUrl, "/readyz"), TimeSpan.FromSeconds(90), frontend);
        await _balancer.WaitUntilRoutedAsync(0, TimeSpan.FromSeconds(10));
        await _balancer.WaitUntilRoutedAsync(1, TimeSpan.FromSeconds(10));

        using var browser = await SignedInClientAsync(frontendUrl);
        var userId = browser.DefaultRequestHeaders.GetValues("X-User").Single();
        var load = new LoadLoop(browser, userId);
        var running = load.RunAsync(LoadClients);

        await Task.Delay(1000, Cancellation);
        for (var index = 0; index < replicas.Length; index++)
        {
            var before = load.Succeeded;
            replicas[index].Terminate();
            Assert.Equal(0, await replicas[index].WaitForExitAsync(TimeSpan.FromSeconds(30)));
            replicas[index] = await StartBackendAsync(backends[index], backendEnvironment);
            await _balancer.WaitUntilRoutedAsync(index, TimeSpan.FromSeconds(10));
            Assert.True(load.Succeeded > before, $"no request succeeded while replica {index} was replaced");
        }
        var afterRestart = load.Succeeded;
        await Task.Delay(1000, Cancellation);
        await load.StopAsync(running);

        Assert.True(load.Failures.IsEmpty, $"{load.Failures.Count} of {load.Succeeded + load.Failures.Count} requests failed:\n"
            + string.Join('\n', load.Failures.Take(20)) + "\n" + string.Join("\n---\n", _processes.Select(p => p.Output)));
        Assert.True(load.Succeeded > afterRestart, "the replacements served nothing");
        Assert.True(load.Succeeded >= 100, $"only {load.Succeeded} requests ran; the load proved nothing");
    }

    private static string Api => RepositoryPaths.ServiceAssembly("backend", "TodoChatbot.Api");

    private async Task<ServiceProcess> StartBackendAsync(Uri url, Dictionary<string, string?> environment)
    {
        var process = Track(ServiceProcess.Start(Api, [], new Dictionary<string, string?>(environment) { ["ASPNETCORE_URLS"] = url.ToString() }));
        await HttpWait.UntilOkAsync(new Uri(url, "/readyz"), TimeSpan.FromSeconds(90), process);
        return process;
    }

    private ServiceProcess Track(ServiceProcess process)
    {
        _processes.Add(process);
        return process;
    }

    /// <summary>A browser-like client: the BFF's session cookie and the anti-forgery header.</summary>
    private static async Task<HttpClient> SignedInClientAsync(Uri frontendUrl)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() })
        {
            BaseAddress = frontendUrl,
            Timeout = TimeSpan.FromSeconds(30),
        };
        client.DefaultRequestHeaders.Add("X-CSRF", "1");
        var register = await client.PostAsJsonAsync("/bff/register", new { email = $"rolling-{Guid.NewGuid():N}@example.com", password = "correct horse battery" }, Cancellation);
        Assert.True(register.IsSuccessStatusCode, $"register answered {(int)register.StatusCode}");
        var user = await register.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(Cancellation);
        client.DefaultRequestHeaders.Add("X-User", user.GetProperty("id").GetString());
        return client;
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _processes)
            await process.DisposeAsync();
        if (_balancer is not null)
            await _balancer.DisposeAsync();
    }
}

/// <summary>Clients that list and create tasks back to back (the list stays short: nothing is completed), counting what succeeded and what failed.</summary>
internal sealed class LoadLoop(HttpClient client, string userId)
{
    private readonly CancellationTokenSource _stop = new();
    private int _succeeded;

    public int Succeeded => Volatile.Read(ref _succeeded);
    public ConcurrentQueue<string> Failures { get; } = new();

    public Task RunAsync(int clients) => Task.WhenAll(Enumerable.Range(0, clients).Select(worker => Task.Run(() => WorkAsync(worker))));

    public async Task StopAsync(Task running)
    {
        await _stop.CancelAsync();
        await running;
        _stop.Dispose();
    }

    private async Task WorkAsync(int worker)
    {
        for (var i = 0; !_stop.IsCancellationRequested; i++)
        {
            var create = i % 2 == 1;
            var what = create ? "POST tasks" : "GET tasks";
            try
            {
                using var response = create
                    ? await client.PostAsJsonAsync($"/api/{userId}/tasks", new { title = $"load {worker}-{i}" }, CancellationToken.None)
                    : await client.GetAsync($"/api/{userId}/tasks?status=completed", CancellationToken.None);
                if (response.IsSuccessStatusCode)
                    Interlocked.Increment(ref _succeeded);
                else
                    Failures.Enqueue($"{DateTime.UtcNow:HH:mm:ss.fff} {what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(CancellationToken.None)}");
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                Failures.Enqueue($"{DateTime.UtcNow:HH:mm:ss.fff} {what}: {exception.GetType().Name} {exception.Message}");
            }
        }
    }
}
