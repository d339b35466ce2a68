using System.Globalization;
using System.Net;
using k8s.Models;
using TodoChatbot.Testing;

namespace TodoChatbot.Deploy.Tests;

/// <summary>
/// The closest thing to a cluster this machine has: every Deployment the umbrella chart renders,
/// run by the real Docker engine as its pod would run, with the rendered environment (ConfigMap
/// and Secret values resolved), user, read-only root, emptyDir mounts as tmpfs, memory and CPU
/// limits, init container first and the Service name as its network alias; then its rendered
/// probes are polled. It must become ready within the probes' budget and stay live for a minute
/// under a short load: this catches a wrong probe path, a write to the read-only filesystem, or a
/// memory limit that is too small.
/// </summary>
public sealed class PodEquivalentTests : IAsyncLifetime
{
    private static readonly TimeSpan Soak = TimeSpan.FromSeconds(
        double.Parse(Environment.GetEnvironmentVariable("TODO_TEST_POD_SOAK_SECONDS") ?? "60", CultureInfo.InvariantCulture));
    private readonly string _network = $"todo-pods-{Guid.NewGuid():N}"[..18];
    private readonly List<string> _containers = [];
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        TestEnvironment.Require(Helm.Unavailable);
        TestEnvironment.Require(await Docker.UnavailableAsync());
        // The chart's default tag is its appVersion: build the images under that tag (cached layers).
        var (code, output) = await Docker.RunAsync("bash", [RepositoryPaths.Combine("scripts", "docker", "build-images.sh"), "0.1.0"], TimeSpan.FromMinutes(10));
        Assert.True(code == 0, output);
        (code, output) = await Docker.DockerAsync("network", "create", _network);
        Assert.True(code == 0, output);
    }

    [Fact]
    public async Task Every_deployment_becomes_ready_within_its_probe_budget_and_stays_live_under_load()
    {
        var password = Guid.NewGuid().ToString("N");
        var database = await StartAsync("postgres", [
            "-e", $"POSTGRES_PASSWORD={password}", "-e", "POSTGRES_DB=todo",
            Environment.GetEnvironmentVariable("POSTGRES_IMAGE") ?? "postgres:16-alpine"]);
        // As in the cluster, where the database is up before the release: wait until it accepts connections.
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while ((await Docker.DockerAsync("exec", database, "pg_isready", "-h", "127.0.0.1", "-U", "postgres", "-d", "todo")).ExitCode != 0)
        {
            Assert.True(DateTime.UtcNow < deadline, $"PostgreSQL did not start:\n{await LogsAsync(database)}");
            await Task.Delay(500, Cancellation);
        }
        var objects = await Helm.TemplateAsync("todo-chatbot", "todo",
            "--set", $"backend.secrets.databaseUrl=postgresql://postgres:{password}@postgres:5432/todo",
            "--set", $"backend.secrets.jwtSecret={Helm.JwtSecret}");
        var configMaps = objects.OfType<V1ConfigMap>().ToDictionary(c => c.Metadata.Name);
        var secrets = objects.OfType<V1Secret>().ToDictionary(s => s.Metadata.Name);
        var services = objects.OfType<V1Service>().ToList();

        var running = new List<(V1Deployment Deployment, V1Container Container, string Id)>();
        // The backend first: the frontend is only ready to serve once it can reach it.
        foreach (var deployment in objects.OfType<V1Deployment>().OrderBy(d => d.Metadata.Name.Contains("frontend", StringComparison.Ordinal)))
        {
            var pod = deployment.Spec.Template.Spec;
            var alias = services.Single(s => s.Spec.Selector.All(l => deployment.Spec.Template.Metadata.Labels.TryGetValue(l.Key, out var v) && v == l.Value)).Metadata.Name;
            foreach (var init in pod.InitContainers ?? [])
            {
                var (code, output) = await Docker.DockerAsync(["run", "--rm", "--network", _network, .. RunOptions(pod, init, configMaps, secrets), .. init.Args ?? []]);
                Assert.True(code == 0, $"init container {init.Name} of {deployment.Metadata.Name} failed:\n{output}");
            }
            var container = pod.Containers.Single();
            var id = await StartAsync(alias, [.. RunOptions(pod, container, configMaps, secrets), .. container.Args ?? []]);
            running.Add((deployment, container, id));
            await AssertBecomesReadyAsync(deployment, container, id);
        }

        await Task.WhenAll(running.Select(pod => AssertStaysLiveUnderLoadAsync(pod.Deployment, pod.Container, pod.Id)));
    }

    private async Task AssertBecomesReadyAsync(V1Deployment deployment, V1Container container, string id)
    {
        var startup = container.StartupProbe;
        var budget = TimeSpan.FromSeconds((startup.PeriodSeconds ?? 10) * (startup.FailureThreshold ?? 3));
        var deadline = DateTime.UtcNow + budget;
        while (!await ProbeAsync(id, container, startup))
        {
            if (DateTime.UtcNow > deadline)
                Assert.Fail($"{deployment.Metadata.Name}: startup probe {startup.HttpGet.Path} not passing within {budget}\n{await LogsAsync(id)}");
            await Task.Delay(TimeSpan.FromSeconds(startup.PeriodSeconds ?? 10) / 4, Cancellation);
        }
        var readinessBudget = DateTime.UtcNow + TimeSpan.FromSeconds((container.ReadinessProbe.PeriodSeconds ?? 10) * 3);
        while (!await ProbeAsync(id, container, container.ReadinessProbe))
        {
            if (DateTime.UtcNow > readinessBudget)
                Assert.Fail($"{deployment.Metadata.Name}: readiness {container.ReadinessProbe.HttpGet.Path} not passing\n{await LogsAsync(id)}");
            await Task.Delay(500, Cancellation);
        }
    }

    private async Task AssertStaysLiveUnderLoadAsync(V1Deployment deployment, V1Container container, string id)
    {
        var address = await AddressAsync(id, container);
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var end = DateTime.UtcNow + Soak;
        var consecutiveFailures = 0;
        var requests = 0;
        while (DateTime.UtcNow < end)
        {
            // A short burst on a real endpoint (unauthenticated: the answer is a 401 problem, which
            // still goes through routing, auth, problem details and logging), then the liveness probe.
            await Task.WhenAll(Enumerable.Range(0, 16).Select(async _ =>
            {
                using var response = await client.GetAsync(new Uri(address, "/api/soak-test/tasks"), Cancellation);
                Interlocked.Increment(ref requests);
            }));
            consecutiveFailures = await ProbeAsync(id, container, container.LivenessProbe) ? 0 : consecutiveFailures + 1;
            Assert.True(consecutiveFailures < (container.LivenessProbe.FailureThreshold ?? 3),
                $"{deployment.Metadata.Name}: liveness failed {consecutiveFailures} times in a row\n{await LogsAsync(id)}");
            await Task.Delay(TimeSpan.FromSeconds(1), Cancellation);
        }
        Assert.Equal("false", (await Docker.DockerAsync("inspect", "-f", "{{.State.OOMKilled}}", id)).Output.Trim());
        Assert.Equal("true", (await Docker.DockerAsync("inspect", "-f", "{{.State.Running}}", id)).Output.Trim());
        Assert.True(requests > 0);
    }

    /// <summary>docker run options (then the image) equivalent to the container in its pod.</summary>
    private static string[] RunOptions(V1PodSpec pod, V1Container container, Dictionary<string, V1ConfigMap> configMaps, Dictionary<string, V1Secret> secrets)
    {
        var arguments = new List<string>();
        var security = container.SecurityContext;
        arguments.AddRange(["--user", (security?.RunAsUser ?? pod.SecurityContext?.RunAsUser)?.ToString(CultureInfo.InvariantCulture) ?? "0"]);
        if (security?.ReadOnlyRootFilesystem == true)
            arguments.Add("--read-only");
        if (security?.Capabilities?.Drop?.Contains("ALL") == true)
            arguments.AddRange(["--cap-drop", "ALL"]);
        if (security?.AllowPrivilegeEscalation == false)
            arguments.AddRange(["--security-opt", "no-new-privileges"]);
        foreach (var mount in container.VolumeMounts ?? [])
        {
            if (pod.Volumes.Single(v => v.Name == mount.Name).EmptyDir is not null)
                arguments.AddRange(["--tmpfs", $"{mount.MountPath}:uid={security?.RunAsUser ?? 0},mode=1777"]);
        }
        if (container.Resources?.Limits is { } limits)
        {
            if (limits.TryGetValue("memory", out var memory))
                arguments.AddRange(["--memory", $"{memory.ToInt64() / (1024 * 1024)}m", "--memory-swap", $"{memory.ToInt64() / (1024 * 1024)}m"]);
            if (limits.TryGetValue("cpu", out var cpu))
                arguments.AddRange(["--cpus", cpu.ToDecimal().ToString(CultureInfo.InvariantCulture)]);
        }
        foreach (var source in container.EnvFrom ?? [])
        {
            foreach (var (name, value) in configMaps[source.ConfigMapRef.Name].Data)
                arguments.AddRange(["-e", $"{name}={value}"]);
        }
        foreach (var variable in container.Env ?? [])
        {
            if (variable.Value is not null)
                arguments.AddRange(["-e", $"{variable.Name}={variable.Value}"]);
            else if (variable.ValueFrom?.SecretKeyRef is { } reference && secrets[reference.Name].StringData.TryGetValue(reference.Key, out var secret))
                arguments.AddRange(["-e", $"{variable.Name}={secret}"]);
        }
        arguments.Add(container.Image);
        return [.. arguments];
    }

    private async Task<string> StartAsync(string? alias, IEnumerable<string> arguments)
    {
        var (code, output) = await Docker.DockerAsync([
            "run", "-d", "--network", _network, .. (alias is null ? Array.Empty<string>() : ["--network-alias", alias, "--name", $"{_network}-{alias}"]), .. arguments]);
        Assert.True(code == 0, output);
        var id = output.Trim().Split('\n').Last();
        _containers.Add(id);
        return id;
    }

    private static async Task<bool> ProbeAsync(string id, V1Container container, V1Probe probe)
    {
        var address = await AddressAsync(id, container);
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(probe.TimeoutSeconds ?? 1) };
        try
        {
            using var response = await client.GetAsync(new Uri(address, probe.HttpGet.Path));
            return (int)response.StatusCode is >= 200 and < 400;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    /// <summary>The container's address on its network, and the port the probes name.</summary>
    private static async Task<Uri> AddressAsync(string id, V1Container container)
    {
        var ip = (await Docker.DockerAsync("inspect", "-f", "{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}", id)).Output.Trim();
        var port = container.Ports.Single(p => p.Name == "http").ContainerPort;
        return new Uri($"http://{ip}:{port}");
    }

    private static async Task<string> LogsAsync(string id) => (await Docker.DockerAsync("logs", "--tail", "40", id)).Output;

    public async ValueTask DisposeAsync()
    {
        foreach (var id in _containers)
            await Docker.DockerAsync("rm", "-f", id);
        await Docker.DockerAsync("network", "rm", _network);
    }
}
