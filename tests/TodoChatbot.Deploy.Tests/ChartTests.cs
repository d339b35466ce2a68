using k8s.Models;

namespace TodoChatbot.Deploy.Tests;

/// <summary>What every rendering of the charts must hold, for default, dev, prod and custom values.</summary>
public sealed class ChartTests
{
    private const string SpreadOverNodes = """topologySpreadConstraints=[{"maxSkew":1,"topologyKey":"kubernetes.io/hostname","whenUnsatisfiable":"ScheduleAnyway"}]""";

    public static TheoryData<string, string[]> Renderings => new()
    {
        { "backend", Helm.WithSecrets() },
        // The service charts on their own, development-like and production-like (the overlays are
        // the umbrella's, below).
        { "backend", Helm.WithSecrets("--set", "replicaCount=1", "--set", "config.logLevel=Debug") },
        { "backend", ["--set", "replicaCount=3", "--set", "existingSecret=todo-chatbot-backend", "--set-json", SpreadOverNodes] },
        { "backend", Helm.WithSecrets("--set", "replicaCount=4", "--set", "networkPolicy.enabled=true", "--set", "image.tag=1.2.3", "--set", "fullnameOverride=api") },
        { "frontend", [] },
        { "frontend", ["--set", "replicaCount=1", "--set", "config.logLevel=Debug"] },
        { "frontend", ["--set", "replicaCount=3", "--set", "service.type=ClusterIP", "--set", "ingress.enabled=true", "--set-json", SpreadOverNodes] },
        { "frontend", ["--set", "ingress.enabled=true", "--set", "ingress.tlsSecretName=todo-tls", "--set", "service.type=ClusterIP"] },
        // The operability options on: an autoscaler instead of replicaCount, scrape annotations, traces.
        { "backend", Helm.WithSecrets("--set", "autoscaling.enabled=true", "--set", "metrics.scrapeAnnotations=true", "--set", "tracing.otlpEndpoint=http://otel:4317", "--set", "networkPolicy.enabled=true") },
        { "frontend", ["--set", "autoscaling.enabled=true", "--set", "autoscaling.targetMemoryUtilizationPercentage=80", "--set", "metrics.serviceMonitor.enabled=true"] },
        { "todo-chatbot", Helm.UmbrellaWithSecrets() },
        { "todo-chatbot", Helm.UmbrellaWithSecrets("-f", Helm.Chart("todo-chatbot") + "/values-dev.yaml") },
        { "todo-chatbot", ["-f", Helm.Chart("todo-chatbot") + "/values-prod.yaml"] },
        { "todo-chatbot", ["-f", Helm.Chart("todo-chatbot") + "/values-dev.yaml"] }, // no secret given: generated
        { "todo-chatbot", Helm.UmbrellaWithSecrets("--set", "global.postgresql.enabled=true", "--set", "frontend.ingress.enabled=true") },
    };

    [Theory]
    [MemberData(nameof(Renderings))]
    public async Task Lint_passes_strictly(string chart, string[] values)
    {
        await Helm.EnsureDependenciesAsync();
        var (code, output) = await Helm.RunAsync(["lint", "--strict", Helm.Chart(chart), .. values]);
        Assert.True(code == 0, output);
    }

    [Theory]
    [MemberData(nameof(Renderings))]
    public async Task Every_pod_meets_the_restricted_profile(string chart, string[] values)
    {
        var objects = await Helm.TemplateAsync(chart, "todo", values);
        Assert.NotEmpty(objects.PodSpecs());
        foreach (var (owner, pod) in objects.PodSpecs())
        {
            var where = owner.Name;
            Assert.False(pod.AutomountServiceAccountToken ?? true, $"{where}: service-account token mounted");
            Assert.True(pod.SecurityContext?.RunAsNonRoot, $"{where}: runAsNonRoot");
            // The project's images run as their app user; the development database as the
            // official image's postgres user.
            var expectedUser = pod.Containers.All(c => c.Image.StartsWith("todo-chatbot-", StringComparison.Ordinal)) ? 1654 : 70;
            Assert.Equal(expectedUser, pod.SecurityContext?.RunAsUser);
            Assert.Equal("RuntimeDefault", pod.SecurityContext?.SeccompProfile?.Type);
            foreach (var container in pod.Containers.Concat(pod.InitContainers ?? []))
            {
                var security = container.SecurityContext;
                Assert.False(security?.AllowPrivilegeEscalation ?? true, $"{where}/{container.Name}: privilege escalation");
                Assert.True(security?.ReadOnlyRootFilesystem, $"{where}/{container.Name}: writable root");
                Assert.Equal(["ALL"], security?.Capabilities?.Drop);
                Assert.Null(security?.Capabilities?.Add);
                Assert.False(security?.Privileged ?? false);
                Assert.NotNull(container.Resources?.Limits);
                Assert.NotNull(container.Resources?.Requests);
                Assert.DoesNotContain(":latest", container.Image, StringComparison.Ordinal);
                Assert.DoesNotContain(container.Command ?? [], part => part.Contains("sh", StringComparison.Ordinal)); // no shell in the images
            }
        }
    }

    [Theory]
    [MemberData(nameof(Renderings))]
    public async Task Deployments_roll_without_downtime_and_probe_the_real_endpoints(string chart, string[] values)
    {
        var objects = await Helm.TemplateAsync(chart, "todo", values);
        foreach (var deployment in objects.OfType<V1Deployment>())
        {
            var spec = deployment.Spec;
            Assert.Equal("RollingUpdate", spec.Strategy.Type);
            Assert.Equal("0", spec.Strategy.RollingUpdate.MaxUnavailable.Value);
            Assert.All(spec.Selector.MatchLabels, label => Assert.Equal(label.Value, spec.Template.Metadata.Labels[label.Key]));
            Assert.Contains("checksum/config", spec.Template.Metadata.Annotations.Keys);
            var container = Assert.Single(spec.Template.Spec.Containers);
            var port = Assert.Single(container.Ports);
            Assert.Equal("http", port.Name);
            // The images listen on 8001 (backend) and 3000 (frontend): docs/DOCKER.md.
            Assert.Equal(container.Name == "backend" ? 8001 : 3000, port.ContainerPort);
            Assert.Equal("/healthz", container.StartupProbe.HttpGet.Path);
            Assert.Equal("/healthz", container.LivenessProbe.HttpGet.Path);
            Assert.Equal("/readyz", container.ReadinessProbe.HttpGet.Path);
            foreach (var probe in new[] { container.StartupProbe, container.LivenessProbe, container.ReadinessProbe })
                Assert.Equal("http", probe.HttpGet.Port.Value);
            // The read-only root needs a writable /tmp.
            var tmp = Assert.Single(container.VolumeMounts, mount => mount.MountPath == "/tmp");
            Assert.NotNull(Assert.Single(spec.Template.Spec.Volumes, volume => volume.Name == tmp.Name).EmptyDir);
            // Termination outlasts the drain the app does after SIGTERM.
            Assert.True(spec.Template.Spec.TerminationGracePeriodSeconds > 5 + 30);
        }
    }

    [Theory]
    [MemberData(nameof(Renderings))]
    public async Task Services_select_their_pods_and_target_a_named_container_port(string chart, string[] values)
    {
        var objects = await Helm.TemplateAsync(chart, "todo", values);
        foreach (var service in objects.OfType<V1Service>())
        {
            var workload = Assert.Single(objects.Workloads(), w =>
                service.Spec.Selector.All(label => w.Template.Metadata.Labels.TryGetValue(label.Key, out var value) && value == label.Value));
            var ports = workload.Template.Spec.Containers.SelectMany(c => c.Ports).Select(p => p.Name).ToHashSet();
            Assert.All(service.Spec.Ports, port => Assert.Contains(port.TargetPort.Value, ports));
        }
    }

    [Theory]
    [MemberData(nameof(Renderings))]
    public async Task Every_secret_and_config_map_reference_resolves(string chart, string[] values)
    {
        var objects = await Helm.TemplateAsync(chart, "todo", values);
        var configMaps = objects.OfType<V1ConfigMap>().ToDictionary(c => c.Metadata.Name);
        var secrets = objects.OfType<V1Secret>().ToDictionary(s => s.Metadata.Name);
        foreach (var (owner, pod) in objects.PodSpecs())
        {
            foreach (var container in pod.Containers.Concat(pod.InitContainers ?? []))
            {
                foreach (var source in container.EnvFrom ?? [])
                    Assert.True(source.ConfigMapRef is null || configMaps.ContainsKey(source.ConfigMapRef.Name), $"{owner.Name}: no ConfigMap {source.ConfigMapRef?.Name}");
                foreach (var variable in container.Env ?? [])
                {
                    if (variable.ValueFrom?.SecretKeyRef is not { } reference)
                        continue;
                    if (!secrets.TryGetValue(reference.Name, out var secret))
                    {
                        // Only an existingSecret, which the operator creates (documented keys), may be absent.
                        Assert.Equal("todo-chatbot-backend", reference.Name);
                        continue;
                    }
                    Assert.True(reference.Optional == true || secret.Value(reference.Key) is not null, $"{owner.Name}: Secret {reference.Name} has no key {reference.Key}");
                }
            }
        }
    }

    [Theory]
    [InlineData("todo", new string[0], "http://todo-backend:8001")]
    [InlineData("demo", new[] { "--set", "backend.service.port=9000", "--set", "frontend.backendService.port=9000" }, "http://demo-backend:9000")]
    [InlineData("my-backend", new string[0], "http://my-backend:8001")]
    public async Task The_frontend_finds_the_backend_service_whatever_the_release_is_called(string release, string[] extra, string expected)
    {
        var objects = await Helm.TemplateAsync("todo-chatbot", release, Helm.UmbrellaWithSecrets(extra));
        var url = objects.OfType<V1ConfigMap>().Select(c => c.Data.TryGetValue("BACKEND_URL", out var value) ? value : null).Single(value => value is not null);
        Assert.Equal(expected, url);
        var backend = Assert.Single(objects.OfType<V1Service>(), s => s.Spec.Type == "ClusterIP" && s.Spec.ClusterIP != "None");
        Assert.Equal(new Uri(url!).Host, backend.Metadata.Name);
        Assert.Equal(new Uri(url!).Port, backend.Spec.Ports.Single().Port);
    }

    [Fact]
    public async Task The_defaults_are_two_replicas_each_a_frontend_node_port_and_an_internal_backend()
    {
        var objects = await Helm.TemplateAsync("todo-chatbot", "todo", Helm.UmbrellaWithSecrets());
        Assert.All(objects.OfType<V1Deployment>(), d => Assert.Equal(2, d.Spec.Replicas));
        Assert.Equal(2, objects.OfType<V1PodDisruptionBudget>().Count());
        var frontend = objects.OfType<V1Service>().Single(s => s.Metadata.Name == "todo-frontend");
        Assert.Equal(("NodePort", 30000, 3000), (frontend.Spec.Type, frontend.Spec.Ports.Single().NodePort ?? 0, frontend.Spec.Ports.Single().Port));
        var backend = objects.OfType<V1Service>().Single(s => s.Metadata.Name == "todo-backend");
        Assert.Equal(("ClusterIP", 8001), (backend.Spec.Type, backend.Spec.Ports.Single().Port));
        Assert.Empty(objects.OfType<V1NetworkPolicy>());
        Assert.Empty(objects.OfType<V1Ingress>());
    }

    [Fact]
    public async Task One_replica_gets_no_disruption_budget()
    {
        var objects = await Helm.TemplateAsync("backend", "todo", Helm.WithSecrets("--set", "replicaCount=1"));
        Assert.Empty(objects.OfType<V1PodDisruptionBudget>());
    }

    [Fact]
    public async Task Migrations_run_in_an_init_container_with_the_secret()
    {
        var objects = await Helm.TemplateAsync("backend", "todo", Helm.WithSecrets());
        var init = Assert.Single(objects.OfType<V1Deployment>().Single().Spec.Template.Spec.InitContainers);
        Assert.Equal(["migrate"], init.Args);
        Assert.Contains(init.Env, variable => variable.Name == "DATABASE_URL" && variable.ValueFrom.SecretKeyRef is not null);
    }

    [Fact]
    public async Task An_existing_secret_replaces_the_charts_own()
    {
        var objects = await Helm.TemplateAsync("backend", "todo", "--set", "existingSecret=my-secret");
        Assert.Empty(objects.OfType<V1Secret>());
        var env = objects.OfType<V1Deployment>().Single().Spec.Template.Spec.Containers.Single().Env;
        Assert.All(env.Where(v => v.ValueFrom?.SecretKeyRef is not null), v => Assert.Equal("my-secret", v.ValueFrom.SecretKeyRef.Name));
    }

    [Fact]
    public async Task The_network_policy_admits_only_frontend_and_test_pods()
    {
        var objects = await Helm.TemplateAsync("backend", "todo", Helm.WithSecrets("--set", "networkPolicy.enabled=true"));
        var policy = Assert.Single(objects.OfType<V1NetworkPolicy>());
        var from = Assert.Single(policy.Spec.Ingress).FromProperty;
        Assert.Equal("frontend", from[0].PodSelector.MatchLabels["app.kubernetes.io/name"]);
        Assert.Equal("test", from[1].PodSelector.MatchLabels["app.kubernetes.io/component"]);
    }

    [Fact]
    public async Task The_ingress_uses_the_host_class_and_tls_secret_given()
    {
        var objects = await Helm.TemplateAsync("frontend", "todo", "--set", "ingress.enabled=true", "--set", "ingress.host=todo.local", "--set", "ingress.tlsSecretName=todo-tls");
        var ingress = Assert.Single(objects.OfType<V1Ingress>());
        Assert.Equal("nginx", ingress.Spec.IngressClassName);
        Assert.Equal("todo.local", ingress.Spec.Rules.Single().Host);
        Assert.Equal("todo-tls", ingress.Spec.Tls.Single().SecretName);
        Assert.Equal("todo-frontend", ingress.Spec.Rules.Single().Http.Paths.Single().Backend.Service.Name);
    }

    [Fact]
    public async Task Helm_tests_use_the_projects_own_images()
    {
        var objects = await Helm.TemplateAsync("todo-chatbot", "todo", Helm.UmbrellaWithSecrets());
        var tests = objects.OfType<V1Pod>().ToList();
        Assert.Equal(3, tests.Count);
        Assert.All(tests, pod => Assert.StartsWith("todo-chatbot-", pod.Spec.Containers.Single().Image, StringComparison.Ordinal));
        Assert.Contains(tests, pod => pod.Spec.Containers.Single().Args.SequenceEqual(["healthcheck", "http://todo-frontend:3000/api/helm-test/tasks", "401"]));
    }

    [Fact]
    public async Task No_secret_has_a_default_value()
    {
        var (code, output) = await Helm.RunAsync("show", "values", Helm.Chart("backend"));
        Assert.Equal(0, code);
        foreach (var key in new[] { "databaseUrl", "jwtSecret", "groqApiKey", "openaiApiKey" })
            Assert.Contains($"  {key}: \"\"", output, StringComparison.Ordinal);
    }
}
