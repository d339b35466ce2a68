namespace TodoChatbot.Deploy.Tests;

/// <summary>Wrong values are refused before anything reaches a cluster, with a message that names them.</summary>
public sealed class SchemaTests
{
    [Theory]
    [InlineData("frontend", "replicaCount=two", "/replicaCount")]
    [InlineData("backend", "replicaCount=-1", "/replicaCount")]
    [InlineData("frontend", "service.type=Magic", "/service/type")]
    [InlineData("frontend", "service.nodePort=80", "/service/nodePort")]
    [InlineData("frontend", "service.nodePort=40000", "/service/nodePort")]
    [InlineData("backend", "image.repository=", "/image/repository")]
    [InlineData("frontend", "image.tag=latest", "/image/tag")]
    [InlineData("backend", "config.llmProvider=anthropic", "/config/llmProvider")]
    [InlineData("backend", "secrets.jwtSecret=short", "/secrets/jwtSecret")]
    [InlineData("backend", "probes.readiness.periodSeconds=0", "/probes/readiness/periodSeconds")]
    // The probe paths are the app's own, in the template: the value that once set them is refused.
    [InlineData("frontend", "probes.readiness.path=/readyz", "'path' not allowed")]
    [InlineData("backend", "unknownValue=1", "unknownValue")]
    [InlineData("backend", "autoscaling.maxReplicas=0", "/autoscaling/maxReplicas")]
    [InlineData("frontend", "autoscaling.targetCPUUtilizationPercentage=0", "/autoscaling/targetCPUUtilizationPercentage")]
    [InlineData("frontend", "metrics.serviceMonitor.interval=soon", "/metrics/serviceMonitor/interval")]
    [InlineData("backend", "tracing.otlpEndpoint=otel-collector:4317", "/tracing/otlpEndpoint")]
    [InlineData("frontend", "tracing.otlpProtocol=thrift", "/tracing/otlpProtocol")]
    public async Task A_wrong_value_is_rejected_by_name(string chart, string setting, string reported)
    {
        await Helm.EnsureDependenciesAsync();
        var (code, output) = await Helm.RunAsync(["template", "todo", Helm.Chart(chart), .. Helm.WithSecretsFor(chart), "--set", setting]);
        Assert.NotEqual(0, code);
        Assert.Contains(reported, output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("secrets.databaseUrl", "set secrets.databaseUrl")]
    [InlineData("secrets.jwtSecret", "set secrets.jwtSecret")]
    public async Task Without_a_way_to_get_a_required_secret_the_install_fails_clearly(string missing, string message)
    {
        await Helm.EnsureDependenciesAsync();
        var values = new[] { "secrets.databaseUrl", "secrets.jwtSecret" }.Where(key => key != missing)
            .SelectMany(key => new[] { "--set", $"{key}={(key.EndsWith("Url", StringComparison.Ordinal) ? Helm.DatabaseUrl : Helm.JwtSecret)}" });
        var (code, output) = await Helm.RunAsync(["template", "todo", Helm.Chart("backend"), .. values]);
        Assert.NotEqual(0, code);
        Assert.Contains(message, output, StringComparison.Ordinal);
    }
}
