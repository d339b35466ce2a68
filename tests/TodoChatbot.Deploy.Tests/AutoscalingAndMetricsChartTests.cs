using k8s.Models;
using YamlDotNet.RepresentationModel;

namespace TodoChatbot.Deploy.Tests;

/// <summary>
/// The optional operability objects of both service charts, rendered by the real Helm: the
/// HorizontalPodAutoscaler (and the Deployment and PodDisruptionBudget that must agree with it),
/// the ServiceMonitor (only where its CRD exists), the scrape annotations, and the telemetry settings.
/// </summary>
public sealed class AutoscalingAndMetricsChartTests
{
    /// <summary>What `--api-versions` tells Helm when the Prometheus Operator's CRDs are installed.</summary>
    private static readonly string[] WithOperator = ["--api-versions", "monitoring.coreos.com/v1"];

    public static TheoryData<string> Services => ["backend", "frontend"];

    [Theory]
    [MemberData(nameof(Services))]
    public async Task By_default_there_is_no_autoscaler_no_service_monitor_and_metrics_are_served(string chart)
    {
        var objects = await Helm.TemplateAsync(chart, "todo", [.. Helm.WithSecretsFor(chart), .. WithOperator]);

        Assert.Empty(objects.OfType<V2HorizontalPodAutoscaler>());
        Assert.Empty(objects.OfType<CustomResource>());
        var deployment = objects.OfType<V1Deployment>().Single();
        Assert.Equal(2, deployment.Spec.Replicas);
        Assert.DoesNotContain(deployment.Spec.Template.Metadata.Annotations.Keys, key => key.StartsWith("prometheus.io/", StringComparison.Ordinal));
        var config = ConfigOf(objects, chart);
        Assert.Equal("true", config["Telemetry__Metrics__Enabled"]);
        Assert.DoesNotContain(config.Keys, key => key.StartsWith("OTEL_", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Services))]
    public async Task With_autoscaling_the_autoscaler_owns_the_replicas_and_the_budget_follows_its_minimum(string chart)
    {
        var objects = await Helm.TemplateAsync(chart, "todo", [.. Helm.WithSecretsFor(chart),
            "--set", "autoscaling.enabled=true", "--set", "autoscaling.minReplicas=3", "--set", "autoscaling.maxReplicas=8",
            "--set", "autoscaling.targetMemoryUtilizationPercentage=85", "--set", "replicaCount=1"]);

        var deployment = objects.OfType<V1Deployment>().Single();
        Assert.Null(deployment.Spec.Replicas); // no fight with the autoscaler on every upgrade
        var hpa = Assert.Single(objects.OfType<V2HorizontalPodAutoscaler>());
        Assert.Equal(("apps/v1", "Deployment", deployment.Metadata.Name), (hpa.Spec.ScaleTargetRef.ApiVersion, hpa.Spec.ScaleTargetRef.Kind, hpa.Spec.ScaleTargetRef.Name));
        Assert.Equal((3, 8), (hpa.Spec.MinReplicas, hpa.Spec.MaxReplicas));
        var targets = hpa.Spec.Metrics.ToDictionary(metric => metric.Resource.Name, metric => (metric.Type, metric.Resource.Target.Type, metric.Resource.Target.AverageUtilization));
        Assert.Equal(("Resource", "Utilization", (int?)70), targets["cpu"]);
        Assert.Equal(("Resource", "Utilization", (int?)85), targets["memory"]);
        // Utilization is a share of the requests, so the container must have them.
        var requests = deployment.Spec.Template.Spec.Containers.Single().Resources.Requests;
        Assert.True(requests.ContainsKey("cpu") && requests.ContainsKey("memory"));
        // replicaCount=1 would drop the budget; the autoscaler's minimum of 3 keeps it, allowing one pod down.
        var budget = Assert.Single(objects.OfType<V1PodDisruptionBudget>());
        Assert.Equal("1", budget.Spec.MaxUnavailable.Value);
        Assert.Null(budget.Spec.MinAvailable);
    }

    [Theory]
    [MemberData(nameof(Services))]
    public async Task An_autoscaler_allowed_down_to_one_pod_gets_no_budget_and_cpu_is_the_default_only_target(string chart)
    {
        var objects = await Helm.TemplateAsync(chart, "todo", [.. Helm.WithSecretsFor(chart),
            "--set", "autoscaling.enabled=true", "--set", "autoscaling.minReplicas=1", "--set", "replicaCount=3"]);

        Assert.Empty(objects.OfType<V1PodDisruptionBudget>());
        var metric = Assert.Single(Assert.Single(objects.OfType<V2HorizontalPodAutoscaler>()).Spec.Metrics);
        Assert.Equal("cpu", metric.Resource.Name);
    }

    [Theory]
    [InlineData("--set autoscaling.enabled=true --set autoscaling.minReplicas=6 --set autoscaling.maxReplicas=5", "autoscaling.minReplicas (6) is above autoscaling.maxReplicas (5)")]
    [InlineData("--set autoscaling.enabled=true --set resources.requests=null", "needs resources.requests.cpu")]
    [InlineData("--set autoscaling.enabled=true --set autoscaling.targetCPUUtilizationPercentage=null", "autoscaling needs a target")]
    [InlineData("--set metrics.enabled=false --set metrics.serviceMonitor.enabled=true", "metrics.serviceMonitor.enabled needs metrics.enabled")]
    public async Task Values_that_contradict_each_other_fail_the_install_by_name(string values, string message)
    {
        await Helm.EnsureDependenciesAsync();
        var (code, output) = await Helm.RunAsync(["template", "todo", Helm.Chart("frontend"), .. values.Split(' ')]);
        Assert.NotEqual(0, code);
        Assert.Contains(message, output, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Services))]
    public async Task A_service_monitor_is_rendered_only_where_the_operator_is_installed(string chart)
    {
        string[] values = [.. Helm.WithSecretsFor(chart), "--set", "metrics.serviceMonitor.enabled=true", "--set", "metrics.serviceMonitor.interval=15s",
            "--set", "metrics.serviceMonitor.labels.release=kube-prometheus-stack"];

        Assert.Empty((await Helm.TemplateAsync(chart, "todo", values)).OfType<CustomResource>());

        var objects = await Helm.TemplateAsync(chart, "todo", [.. values, .. WithOperator]);
        var monitor = Assert.Single(objects.OfType<CustomResource>());
        Assert.Equal(("monitoring.coreos.com/v1", "ServiceMonitor"), (monitor.ApiVersion, monitor.Kind));
        Assert.Equal("kube-prometheus-stack", CustomResource.Scalar(monitor["metadata"]["labels"], "release"));
        // It selects the chart's Service by that Service's labels, and scrapes its named port.
        var service = objects.OfType<V1Service>().Single();
        var selector = (YamlMappingNode)monitor["spec"]["selector"]["matchLabels"];
        Assert.NotEmpty(selector.Children);
        Assert.All(selector.Children, label => Assert.Equal(((YamlScalarNode)label.Value).Value, service.Metadata.Labels[((YamlScalarNode)label.Key).Value!]));
        var endpoint = Assert.Single(((YamlSequenceNode)monitor["spec"]["endpoints"]).Children);
        Assert.Equal(("http", "/metrics", "15s", "10s"), (CustomResource.Scalar(endpoint, "port"), CustomResource.Scalar(endpoint, "path"),
            CustomResource.Scalar(endpoint, "interval"), CustomResource.Scalar(endpoint, "scrapeTimeout")));
        Assert.Contains(service.Spec.Ports, port => port.Name == "http");
    }

    [Theory]
    [InlineData("backend", 8001)]
    [InlineData("frontend", 3000)]
    public async Task Scrape_annotations_name_the_container_port_and_the_metrics_path(string chart, int port)
    {
        var objects = await Helm.TemplateAsync(chart, "todo", [.. Helm.WithSecretsFor(chart), "--set", "metrics.scrapeAnnotations=true"]);

        var annotations = objects.OfType<V1Deployment>().Single().Spec.Template.Metadata.Annotations;
        Assert.Equal("true", annotations["prometheus.io/scrape"]);
        Assert.Equal(port.ToString(System.Globalization.CultureInfo.InvariantCulture), annotations["prometheus.io/port"]);
        Assert.Equal("/metrics", annotations["prometheus.io/path"]);
        Assert.Contains("checksum/config", annotations.Keys);
    }

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Telemetry_values_become_the_services_settings(string chart)
    {
        var objects = await Helm.TemplateAsync(chart, "todo", [.. Helm.WithSecretsFor(chart),
            "--set", "metrics.enabled=false", "--set", "metrics.scrapeAnnotations=true",
            "--set", "tracing.otlpEndpoint=http://otel-collector.monitoring:4318", "--set", "tracing.otlpProtocol=http/protobuf"]);

        var config = ConfigOf(objects, chart);
        Assert.Equal("false", config["Telemetry__Metrics__Enabled"]);
        Assert.Equal("http://otel-collector.monitoring:4318", config["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        Assert.Equal("http/protobuf", config["OTEL_EXPORTER_OTLP_PROTOCOL"]);
        // Metrics off: nothing to announce to Prometheus either.
        Assert.DoesNotContain(objects.OfType<V1Deployment>().Single().Spec.Template.Metadata.Annotations.Keys, key => key.StartsWith("prometheus.io/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_network_policy_admits_the_scrapers_given()
    {
        var objects = await Helm.TemplateAsync("backend", "todo", Helm.WithSecrets("--set", "networkPolicy.enabled=true",
            "--set-json", """networkPolicy.metricsFrom=[{"namespaceSelector":{"matchLabels":{"kubernetes.io/metadata.name":"monitoring"}}}]"""));

        var from = Assert.Single(Assert.Single(objects.OfType<V1NetworkPolicy>()).Spec.Ingress).FromProperty;
        Assert.Equal(3, from.Count);
        Assert.Equal("monitoring", from[2].NamespaceSelector.MatchLabels["kubernetes.io/metadata.name"]);
    }

    [Fact]
    public async Task The_umbrella_scales_and_monitors_each_service_by_its_own_values()
    {
        var objects = await Helm.TemplateAsync("todo-chatbot", "todo", Helm.UmbrellaWithSecrets([
            "--set", "backend.autoscaling.enabled=true", "--set", "backend.metrics.serviceMonitor.enabled=true",
            "--set", "frontend.metrics.serviceMonitor.enabled=true", .. WithOperator]));

        Assert.Equal("todo-backend", Assert.Single(objects.OfType<V2HorizontalPodAutoscaler>()).Spec.ScaleTargetRef.Name);
        Assert.Null(objects.OfType<V1Deployment>().Single(d => d.Metadata.Name == "todo-backend").Spec.Replicas);
        Assert.Equal(2, objects.OfType<V1Deployment>().Single(d => d.Metadata.Name == "todo-frontend").Spec.Replicas);
        Assert.Equal(["todo-backend", "todo-frontend"], objects.OfType<CustomResource>().Select(monitor => monitor.Name).Order());
    }

    private static IDictionary<string, string> ConfigOf(IEnumerable<object> objects, string chart) =>
        objects.OfType<V1ConfigMap>().Single(map => map.Metadata.Name == $"todo-{chart}").Data;
}
