using System.Net;
using System.Text.Json;
using Microsoft.Playwright;

namespace TodoChatbot.EndToEnd.Tests;

/// <summary>
/// The product as docker compose runs it: the real Dockerfiles built by the real engine, the real
/// docker-compose.yml brought up under a project name of its own on a free port, torn down (with
/// its volumes) afterwards. Base images come from SDK_IMAGE / RUNTIME_IMAGE / POSTGRES_IMAGE when
/// set (CI sets the offline stand-ins), otherwise the compose file's defaults.
/// </summary>
public sealed class ComposeStackFixture : IAsyncLifetime, IStack
{
    public const string Version = "0.1.0-test";
    private Chromium? _chromium;

    public string Project { get; } = $"todo-test-{Guid.NewGuid():N}"[..18];
    public string? Unavailable { get; private set; }
    public IBrowser Browser => _chromium!.Browser;
    public Uri FrontendUrl { get; private set; } = null!;
    public string ScreenshotDirectory => Path.Combine(Path.GetTempPath(), Project);

    /// <summary>Values that must never end up in an image: given to the stack only at run time.</summary>
    public string TestJwtSecret { get; } = "compose-test-jwt-" + Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N");
    public string TestGroqKey { get; } = "gsk_composetest" + Guid.NewGuid().ToString("N");

    public async ValueTask InitializeAsync()
    {
        Unavailable = await Docker.UnavailableAsync() ?? Chromium.Unavailable;
        if (Unavailable is not null)
            return;
        var port = ServiceProcess.FreePort();
        FrontendUrl = new Uri($"http://127.0.0.1:{port}/");
        var (code, output) = await ComposeAsync(["up", "-d", "--build"], TimeSpan.FromMinutes(10), port);
        if (code != 0)
            throw new InvalidOperationException($"docker compose up failed:\n{output}\n{await LogsAsync()}");
        await HttpWait.UntilOkAsync(new Uri(FrontendUrl, "readyz"), TimeSpan.FromMinutes(2));
        // Ready is not yet healthy: Docker runs the image's HEALTHCHECK on its own schedule.
        foreach (var service in new[] { "backend", "frontend" })
        {
            var container = await ContainerAsync(service);
            var deadline = DateTime.UtcNow.AddMinutes(2);
            while (await InspectAsync(container, "{{.State.Health.Status}}") != "healthy")
            {
                if (DateTime.UtcNow > deadline)
                    throw new TimeoutException($"{service} did not turn healthy:\n{await LogsAsync()}");
                await Task.Delay(500);
            }
        }

        _chromium = await Chromium.LaunchAsync();
        Directory.CreateDirectory(ScreenshotDirectory);
    }

    public Task<(int ExitCode, string Output)> ComposeAsync(IEnumerable<string> arguments, TimeSpan? timeout = null, int? port = null)
    {
        var environment = new Dictionary<string, string?>
        {
            ["COMPOSE_PROJECT_NAME"] = Project,
            ["TODO_VERSION"] = Version,
            ["FRONTEND_PORT"] = (port ?? FrontendUrl.Port).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["JWT_SECRET"] = TestJwtSecret,
            // A key that selects nothing (the provider stays offline) but must never reach an image.
            ["GROQ_API_KEY"] = TestGroqKey,
            ["LLM_PROVIDER"] = "offline",
        };
        var composeFile = RepositoryPaths.Combine("docker-compose.yml");
        var compose = Environment.GetEnvironmentVariable("TODO_TEST_COMPOSE") ?? "docker-compose";
        var prefix = compose == "docker compose" ? new[] { "compose" } : [];
        var file = compose == "docker compose" ? Docker.Client : compose;
        return Docker.RunAsync(file, [.. prefix, "-f", composeFile, .. arguments], timeout ?? TimeSpan.FromMinutes(3), environment);
    }

    /// <summary>The container id of a service.</summary>
    public async Task<string> ContainerAsync(string service)
    {
        var (_, output) = await ComposeAsync(["ps", "-q", service]);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Last();
    }

    public async Task<string> InspectAsync(string container, string format) =>
        (await Docker.DockerAsync("inspect", "-f", format, container)).Output.Trim();

    /// <summary>Runs the backend image's own probe against a URL inside the stack's network.</summary>
    public async Task<bool> ProbeAsync(string url)
    {
        var network = await InspectAsync(await ContainerAsync("backend"), "{{range $name, $_ := .NetworkSettings.Networks}}{{$name}}{{end}}");
        var (code, _) = await Docker.DockerAsync("run", "--rm", "--network", network, $"todo-chatbot-backend:{Version}", "healthcheck", url);
        return code == 0;
    }

    public async Task<string> LogsAsync() => (await ComposeAsync(["logs", "--no-color", "--tail", "60"])).Output;

    string IStack.Logs => LogsAsync().GetAwaiter().GetResult();

    public async ValueTask DisposeAsync()
    {
        if (_chromium is not null)
            await _chromium.DisposeAsync();
        if (Unavailable is null)
            await ComposeAsync(["down", "-v", "--remove-orphans"]);
    }
}

/// <summary>What the browser flow needs from a running product, however it was started.</summary>
public interface IStack
{
    string? Unavailable { get; }
    IBrowser Browser { get; }
    Uri FrontendUrl { get; }
    string ScreenshotDirectory { get; }
    string Logs { get; }
}
