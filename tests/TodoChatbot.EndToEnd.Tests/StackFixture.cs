using System.Net;
using Microsoft.Playwright;

namespace TodoChatbot.EndToEnd.Tests;

/// <summary>
/// The whole product on loopback: PostgreSQL, the backend (migrated with its own <c>migrate</c>
/// command, then started), the frontend host pointing at it, and a headless Chromium.
/// </summary>
public sealed class StackFixture : IAsyncLifetime, IStack
{
    private ServiceProcess? _backend;
    private ServiceProcess? _frontend;
    private Chromium? _chromium;

    public string? Unavailable { get; private set; }
    public IBrowser Browser => _chromium!.Browser;
    public Uri FrontendUrl { get; private set; } = null!;
    /// <summary>
    /// Where the browser flow saves its screenshots (git-ignored); refresh the guides' pictures with
    /// <c>cp artifacts/screenshots/*.png docs/images/</c>.
    /// </summary>
    public string ScreenshotDirectory { get; } = RepositoryPaths.Combine("artifacts", "screenshots");

    public async ValueTask InitializeAsync()
    {
        var (server, unavailable) = await PostgresServer.GetSharedAsync();
        if (server is null)
        {
            Unavailable = unavailable;
            return;
        }
        Unavailable = Chromium.Unavailable;
        if (Unavailable is not null)
            return;

        var database = await server.CreateDatabaseAsync("e2e");
        var backendPort = ServiceProcess.FreePort();
        var frontendPort = ServiceProcess.FreePort();
        var backendEnvironment = BackendEnvironment.Production(database, new Uri($"http://127.0.0.1:{backendPort}"));
        var api = RepositoryPaths.ServiceAssembly("backend", "TodoChatbot.Api");
        await using (var migrate = ServiceProcess.Start(api, ["migrate"], backendEnvironment))
        {
            if (await migrate.WaitForExitAsync(TimeSpan.FromSeconds(120)) != 0)
                throw new InvalidOperationException($"migrate failed:\n{migrate.Output}");
        }
        _backend = ServiceProcess.Start(api, [], backendEnvironment);
        // The frontend runs from its published output, as in its image: only a publish lays out the
        // WebAssembly app's files beside the host (a build serves them from the project in Development only).
        var frontendDirectory = await PublishFrontendAsync();
        _frontend = ServiceProcess.Start(Path.Combine(frontendDirectory, "TodoChatbot.Web.dll"), [], new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{frontendPort}",
            ["BACKEND_URL"] = $"http://127.0.0.1:{backendPort}",
            ["Shutdown__DrainDelaySeconds"] = "0",
        });
        FrontendUrl = new Uri($"http://127.0.0.1:{frontendPort}/");
        await HttpWait.UntilOkAsync(new Uri($"http://127.0.0.1:{backendPort}/readyz"), TimeSpan.FromSeconds(90), _backend);
        await HttpWait.UntilOkAsync(new Uri(FrontendUrl, "readyz"), TimeSpan.FromSeconds(90), _frontend);

        _chromium = await Chromium.LaunchAsync();
        Directory.CreateDirectory(ScreenshotDirectory);
    }

    private static async Task<string> PublishFrontendAsync()
    {
        var output = Path.Combine(Path.GetTempPath(), $"todo-e2e-web-{Guid.NewGuid():N}");
        await Command.RunCheckedAsync("dotnet",
            ["publish", "frontend/TodoChatbot.Web", "-c", RepositoryPaths.Configuration, "-o", output, "--nologo", "-v", "quiet"]);
        return output;
    }

    /// <summary>Everything the two services logged, for a failing test's message.</summary>
    public string Logs => $"--- backend ---\n{_backend?.Output}\n--- frontend ---\n{_frontend?.Output}";

    public async ValueTask DisposeAsync()
    {
        if (_chromium is not null)
            await _chromium.DisposeAsync();
        if (_frontend is not null)
            await _frontend.DisposeAsync();
        if (_backend is not null)
            await _backend.DisposeAsync();
    }
}
