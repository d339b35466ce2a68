using System.Diagnostics;

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

    public static async Task<(int ExitCode, string Output)> RunAsync(
        string file, IEnumerable<string> arguments, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        // Debian's client and BuildKit, for docker-compose's builds too.
        start.Environment["PATH"] = "/usr/bin:" + Environment.GetEnvironmentVariable("PATH");
        start.Environment["DOCKER_BUILDKIT"] = "1";
        start.Environment["COMPOSE_DOCKER_CLI_BUILD"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', start.ArgumentList)} took longer than {timeout}");
        }
        return (process.ExitCode, await output + await error);
    }
}
