using System.Net;
using Microsoft.Playwright;
using TodoChatbot.Testing;

namespace TodoChatbot.EndToEnd.Tests;

/// <summary>
/// The whole product on loopback: PostgreSQL, the backend (migrated with its own <c>migrate</c>
/// command, then started), the frontend host pointing at it, and a headless Chromium.
/// </summary>
public sealed class StackFixture : IAsyncLifetime, IStack
{
    private ServiceProcess? _backend;
    private ServiceProcess? _frontend;
    private IPlaywright? _playwright;

    public string? Unavailable { get; private set; }
    public IBrowser Browser { get; private set; } = null!;
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
        var chromium = Environment.GetEnvironmentVariable("TODO_TEST_CHROMIUM") ?? "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            Unavailable = $"Chromium not found at {chromium} (apt-get install chromium, or set TODO_TEST_CHROMIUM)";
            return;
        }

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

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        Directory.CreateDirectory(ScreenshotDirectory);
    }

    private static async Task<string> PublishFrontendAsync()
    {
        var output = Path.Combine(Path.GetTempPath(), $"todo-e2e-web-{Guid.NewGuid():N}");
        var start = new System.Diagnostics.ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryPaths.Root,
        };
        foreach (var argument in new[] { "publish", "frontend/TodoChatbot.Web", "-c", RepositoryPaths.Configuration, "-o", output, "--nologo", "-v", "quiet" })
            start.ArgumentList.Add(argument);
        using var publish = System.Diagnostics.Process.Start(start)!;
        var log = publish.StandardOutput.ReadToEndAsync();
        var errors = publish.StandardError.ReadToEndAsync();
        await publish.WaitForExitAsync();
        if (publish.ExitCode != 0)
            throw new InvalidOperationException($"dotnet publish of the frontend failed:\n{await log}\n{await errors}");
        return output;
    }

    /// <summary>Everything the two services logged, for a failing test's message.</summary>
    public string Logs => $"--- backend ---\n{_backend?.Output}\n--- frontend ---\n{_frontend?.Output}";

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
            await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (_frontend is not null)
            await _frontend.DisposeAsync();
        if (_backend is not null)
            await _backend.DisposeAsync();
    }
}
