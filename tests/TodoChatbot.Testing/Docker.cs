namespace TodoChatbot.Testing;

/// <summary>The Docker engine and Compose, driven through their command-line clients.</summary>
public static class Docker
{
    /// <summary>
    /// Debian's client first (it talks BuildKit to Debian's engine); TODO_TEST_DOCKER overrides.
    /// </summary>
    public static string Client { get; } = Environment.GetEnvironmentVariable("TODO_TEST_DOCKER")
        ?? (File.Exists("/usr/bin/docker") ? "/usr/bin/docker" : "docker");

    /// <summary>Why no engine can be used here, or null.</summary>
    public static async Task<string?> UnavailableAsync()
    {
        try
        {
            var (code, output) = await RunAsync(Client, ["info", "--format", "{{.ServerVersion}}"], timeout: TimeSpan.FromSeconds(20));
            return code == 0 ? null : $"no Docker engine answers ({output.Trim()}); start one (scripts/docker/start-engine.sh)";
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            return $"no docker client ({exception.Message})";
        }
    }

    public static Task<(int ExitCode, string Output)> DockerAsync(params string[] arguments) =>
        RunAsync(Client, arguments, TimeSpan.FromMinutes(5));

    /// <summary>
    /// Runs a command (the client, Compose or a build script) with Debian's client first on PATH and
    /// BuildKit on, for docker-compose's builds too.
    /// </summary>
    public static Task<(int ExitCode, string Output)> RunAsync(
        string file, IEnumerable<string> arguments, TimeSpan timeout, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var withEngine = new Dictionary<string, string?>(environment ?? new Dictionary<string, string?>())
        {
            ["PATH"] = "/usr/bin:" + Environment.GetEnvironmentVariable("PATH"),
            ["DOCKER_BUILDKIT"] = "1",
            ["COMPOSE_DOCKER_CLI_BUILD"] = "1",
        };
        return Command.RunAsync(file, arguments, withEngine, timeout);
    }
}
