using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using k8s.Models;

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
            await AssertBecomesReadyAsync(deployment.Metadata.Name, container, id);
        }

        await Task.WhenAll(running.Select(pod => AssertStaysLiveUnderLoadAsync(pod.Deployment, pod.Container, pod.Id)));
    }

    /// <summary>
    /// The zero-account path: the development PostgreSQL StatefulSet as rendered (its user, fsGroup,
    /// read-only root, volume, exec probes, generated password) with the backend wired to it by the
    /// chart alone; a task must survive a restart of the database and the database pod's
    /// replacement on the same volume.
    /// </summary>
    [Fact]
    public async Task The_development_database_runs_restricted_and_keeps_data_across_restarts()
    {
        // CI has no registry: the stand-in for the official image, through the chart's image value.
        var image = (Environment.GetEnvironmentVariable("POSTGRES_IMAGE") ?? "postgres:16-alpine").Split(':');
        var objects = await Helm.TemplateAsync("todo-chatbot", "todo",
            "-f", Helm.Chart("todo-chatbot") + "/values-dev.yaml", "--set", $"backend.secrets.jwtSecret={Helm.JwtSecret}",
            "--set", $"postgresql.image.repository={image[0]}", "--set-string", $"postgresql.image.tag={image[1]}");
        var configMaps = objects.OfType<V1ConfigMap>().ToDictionary(c => c.Metadata.Name);
        var secrets = objects.OfType<V1Secret>().ToDictionary(s => s.Metadata.Name);
        var statefulSet = objects.OfType<V1StatefulSet>().Single();
        var databasePod = statefulSet.Spec.Template.Spec;
        var databaseContainer = databasePod.Containers.Single();
        var databaseOptions = RunOptions(databasePod, databaseContainer, configMaps, secrets, statefulSet.Spec.VolumeClaimTemplates);

        async Task<string> StartDatabaseAsync()
        {
            var id = await StartAsync(statefulSet.Spec.ServiceName, databaseOptions);
            await AssertBecomesReadyAsync(statefulSet.Metadata.Name, databaseContainer, id);
            return id;
        }
        var database = await StartDatabaseAsync();

        var backendDeployment = objects.OfType<V1Deployment>().Single(d => d.Metadata.Name == "todo-backend");
        var pod = backendDeployment.Spec.Template.Spec;
        var (code, output) = await Docker.DockerAsync(["run", "--rm", "--network", _network, .. RunOptions(pod, pod.InitContainers.Single(), configMaps, secrets), "migrate"]);
        Assert.True(code == 0, $"migrate against the development database failed:\n{output}\n{await LogsAsync(database)}");
        var backendContainer = pod.Containers.Single();
        var backend = await StartAsync("todo-backend", [.. RunOptions(pod, backendContainer, configMaps, secrets)]);
        await AssertBecomesReadyAsync("todo-backend", backendContainer, backend);

        using var client = new HttpClient { BaseAddress = await AddressAsync(backend, backendContainer), Timeout = TimeSpan.FromSeconds(10) };
        using var registered = await client.PostAsJsonAsync("/api/auth/register", new { email = $"pod-{Guid.NewGuid():N}@example.com", password = "correct horse battery" }, Cancellation);
        Assert.True(registered.IsSuccessStatusCode, await registered.Content.ReadAsStringAsync(Cancellation));
        var auth = await registered.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(Cancellation);
        var userId = auth.GetProperty("user").GetProperty("id").GetString();
        client.DefaultRequestHeaders.Authorization = new("Bearer", auth.GetProperty("token").GetString());
        using var created = await client.PostAsJsonAsync($"/api/{userId}/tasks", new { title = "Survive a database restart" }, Cancellation);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        async Task AssertTaskKeptAsync(string after)
        {
            // The backend recovers by itself (no restart): ready again, and the task is there.
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (!await ProbeAsync(backend, backendContainer, backendContainer.ReadinessProbe))
            {
                Assert.True(DateTime.UtcNow < deadline, $"backend not ready again {after}\n{await LogsAsync(backend)}");
                await Task.Delay(500, Cancellation);
            }
            var tasks = await client.GetStringAsync($"/api/{userId}/tasks", Cancellation);
            Assert.Contains("Survive a database restart", tasks, StringComparison.Ordinal);
        }

        // A container restart (the kubelet restarting a failed container) …
        (code, output) = await Docker.DockerAsync("restart", database);
        Assert.True(code == 0, output);
        await AssertBecomesReadyAsync(statefulSet.Metadata.Name, databaseContainer, database);
        await AssertTaskKeptAsync("after a database restart");

        // … and `kubectl delete pod`: a new container on the same volume, same generated password.
        await Docker.DockerAsync("rm", "-f", database);
        database = await StartDatabaseAsync();
        await AssertTaskKeptAsync("after the database pod was replaced");
        Assert.Equal("false", (await Docker.DockerAsync("inspect", "-f", "{{.State.OOMKilled}}", database)).Output.Trim());
    }

    private async Task AssertBecomesReadyAsync(string owner, V1Container container, string id)
    {
        var startup = container.StartupProbe;
        var budget = TimeSpan.FromSeconds((startup.PeriodSeconds ?? 10) * (startup.FailureThreshold ?? 3));
        var deadline = DateTime.UtcNow + budget;
        while (!await ProbeAsync(id, container, startup))
        {
            if (DateTime.UtcNow > deadline)
                Assert.Fail($"{owner}: startup probe {Describe(startup)} not passing within {budget}\n{await LogsAsync(id)}");
            await Task.Delay(TimeSpan.FromSeconds(startup.PeriodSeconds ?? 10) / 4, Cancellation);
        }
        var readinessBudget = DateTime.UtcNow + TimeSpan.FromSeconds((container.ReadinessProbe.PeriodSeconds ?? 10) * 3);
        while (!await ProbeAsync(id, container, container.ReadinessProbe))
        {
            if (DateTime.UtcNow > readinessBudget)
                Assert.Fail($"{owner}: readiness {Describe(container.ReadinessProbe)} not passing\n{await LogsAsync(id)}");
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

    /// <summary>
    /// docker run options (then the image) equivalent to the container in its pod: user and fsGroup,
    /// read-only root, capabilities, emptyDirs as tmpfs, a StatefulSet's claims as named volumes
    /// (they outlive the container, as a PersistentVolume outlives its pod), limits, environment.
    /// </summary>
    private string[] RunOptions(V1PodSpec pod, V1Container container, Dictionary<string, V1ConfigMap> configMaps, Dictionary<string, V1Secret> secrets, IList<V1PersistentVolumeClaim>? claims = null)
    {
        var arguments = new List<string>();
        var security = container.SecurityContext;
        var user = security?.RunAsUser ?? pod.SecurityContext?.RunAsUser ?? 0;
        arguments.AddRange(["--user", user.ToString(CultureInfo.InvariantCulture)]);
        if (pod.SecurityContext?.FsGroup is { } fsGroup)
            arguments.AddRange(["--group-add", fsGroup.ToString(CultureInfo.InvariantCulture)]);
        if (security?.ReadOnlyRootFilesystem == true)
            arguments.Add("--read-only");
        if (security?.Capabilities?.Drop?.Contains("ALL") == true)
            arguments.AddRange(["--cap-drop", "ALL"]);
        if (security?.AllowPrivilegeEscalation == false)
            arguments.AddRange(["--security-opt", "no-new-privileges"]);
        foreach (var mount in container.VolumeMounts ?? [])
        {
            if (claims?.Any(claim => claim.Metadata.Name == mount.Name) == true)
                arguments.AddRange(["-v", $"{_network}-{mount.Name}:{mount.MountPath}"]);
            else if (pod.Volumes.Single(v => v.Name == mount.Name).EmptyDir is not null)
                arguments.AddRange(["--tmpfs", $"{mount.MountPath}:uid={user},mode=1777"]);
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
            else if (variable.ValueFrom?.SecretKeyRef is { } reference && secrets[reference.Name].Value(reference.Key) is { } secret)
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

    /// <summary>One probe as the kubelet runs it: an HTTP GET, a command in the container, or a TCP connect.</summary>
    private static async Task<bool> ProbeAsync(string id, V1Container container, V1Probe probe)
    {
        var timeout = TimeSpan.FromSeconds(probe.TimeoutSeconds ?? 1);
        if (probe.Exec is { } exec)
        {
            var (code, _) = await Docker.RunAsync(Docker.Client, ["exec", id, .. exec.Command], timeout + TimeSpan.FromSeconds(5));
            return code == 0;
        }
        var address = await AddressAsync(id, container, (probe.HttpGet?.Port ?? probe.TcpSocket.Port).Value);
        try
        {
            if (probe.TcpSocket is not null)
            {
                using var tcp = new System.Net.Sockets.TcpClient();
                using var cancellation = new CancellationTokenSource(timeout);
                await tcp.ConnectAsync(address.Host, address.Port, cancellation.Token);
                return true;
            }
            using var client = new HttpClient { Timeout = timeout };
            using var response = await client.GetAsync(new Uri(address, probe.HttpGet!.Path));
            return (int)response.StatusCode is >= 200 and < 400;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or OperationCanceledException or System.Net.Sockets.SocketException)
        {
            return false;
        }
    }

    private static string Describe(V1Probe probe) =>
        probe.HttpGet?.Path ?? (probe.Exec is { } exec ? string.Join(' ', exec.Command) : $"tcp {probe.TcpSocket.Port.Value}");

    /// <summary>The container's address on its network, with the port a probe or Service names.</summary>
    private static async Task<Uri> AddressAsync(string id, V1Container container, string port = "http")
    {
        var ip = (await Docker.DockerAsync("inspect", "-f", "{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}", id)).Output.Trim();
        var number = int.TryParse(port, out var given) ? given : container.Ports.Single(p => p.Name == port).ContainerPort;
        return new Uri($"http://{ip}:{number}");
    }

    private static async Task<string> LogsAsync(string id) => (await Docker.DockerAsync("logs", "--tail", "40", id)).Output;

    public async ValueTask DisposeAsync()
    {
        foreach (var id in _containers)
            await Docker.DockerAsync("rm", "-f", id);
        await Docker.DockerAsync("network", "rm", _network);
        await Docker.DockerAsync("volume", "rm", "-f", $"{_network}-data");
    }
}
