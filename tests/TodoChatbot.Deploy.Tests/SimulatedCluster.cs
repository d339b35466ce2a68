namespace TodoChatbot.Deploy.Tests;

/// <summary>
/// Runs a Minikube script with scripts/minikube/simulated-cluster first on PATH as kubectl, helm,
/// curl, minikube and docker: the stand-in answers like the real tools for a healthy release, and
/// each SIM_* setting makes one answer bad, slow, large or failing (the script's header lists them).
/// </summary>
internal sealed class SimulatedCluster : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("todo-simulated-").FullName;

    public SimulatedCluster()
    {
        Directory.CreateDirectory(Bin);
        foreach (var tool in new[] { "kubectl", "helm", "curl", "minikube", "docker" })
            File.CreateSymbolicLink(Path.Combine(Bin, tool), RepositoryPaths.Combine("scripts", "minikube", "simulated-cluster"));
    }

    private string Bin => Path.Combine(_folder, "bin");

    public string State => Path.Combine(_folder, "state");

    /// <summary>Every command the script sent to the stand-ins, in order, one line each.</summary>
    public string[] Calls => File.Exists(Path.Combine(State, "calls")) ? File.ReadAllLines(Path.Combine(State, "calls")) : [];

    public string? Applied(string kind, string name) =>
        File.Exists(Path.Combine(State, $"applied-{kind}-{name}.yaml")) ? File.ReadAllText(Path.Combine(State, $"applied-{kind}-{name}.yaml")) : null;

    public Task<(int ExitCode, string Output)> RunAsync(string script, IReadOnlyDictionary<string, string>? settings, params string[] arguments)
    {
        var environment = new Dictionary<string, string?>
        {
            ["PATH"] = $"{Bin}:{Environment.GetEnvironmentVariable("PATH")}",
            ["SIM_STATE"] = State,
        };
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
            environment[name] = value;
        return Command.RunAsync(RepositoryPaths.Combine(script), arguments, environment, cancellationToken: Cancellation);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
