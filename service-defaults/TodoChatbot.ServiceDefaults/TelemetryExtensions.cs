using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace TodoChatbot.ServiceDefaults;

/// <summary>
/// Metrics and traces with the OpenTelemetry SDK, alike in both services. Metrics (HTTP server and
/// client, .NET runtime, and any meter a feature adds with
/// <c>ConfigureOpenTelemetryMeterProvider</c>) are served for Prometheus at <c>/metrics</c> unless
/// <c>Telemetry__Metrics__Enabled=false</c>. Traces are recorded and exported over OTLP only when
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set; without it no tracer is registered, so no span is
/// ever sampled and nothing leaves the process. The W3C <c>traceparent</c> header is sent and
/// read either way, so the log lines of one request carry the same trace id in both services.
/// </summary>
public static class TelemetryExtensions
{
    public const string MetricsPath = "/metrics";
    private const string MetricsEnabledKey = "Telemetry:Metrics:Enabled";

    /// <summary>Whether the service serves <c>/metrics</c> (on by default).</summary>
    private static bool MetricsEnabled(IConfiguration configuration) => configuration.GetValue(MetricsEnabledKey, defaultValue: true);

    /// <summary>Whether traces are exported: only when an OTLP endpoint is configured.</summary>
    private static bool TracesEnabled(IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);

    internal static void AddTelemetry(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(
                serviceName: configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } named ? named : builder.Environment.ApplicationName,
                serviceVersion: typeof(TelemetryExtensions).Assembly.GetName().Version?.ToString(3)));

        if (MetricsEnabled(configuration))
        {
            builder.Services.ConfigureOpenTelemetryMeterProvider((services, metrics) =>
                metrics.AddView(OnlyThisHostsMeters(services.GetRequiredService<IMeterFactory>())));
            telemetry.WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                // Each scrape collects afresh: Prometheus scrapes every 15-60 s, so a cached answer
                // saves nothing and would show a request made just before the scrape as not made.
                .AddPrometheusExporter(prometheus => prometheus.ScrapeResponseCacheDurationMilliseconds = 0));
        }

        if (TracesEnabled(configuration))
        {
            telemetry.WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(aspNetCore => aspNetCore.Filter = context => !IsProbeOrScrape(context.Request.Path))
                .AddHttpClientInstrumentation()
                // Endpoint, protocol (grpc by default, or http/protobuf), headers and sampler come
                // from the standard OTEL_* variables.
                .AddOtlpExporter());
        }
    }

    /// <summary>
    /// <c>/metrics</c> in the Prometheus text format, on the service's own port, when metrics are on.
    /// Scrapes are left out of the HTTP metrics they serve, as the probes are.
    /// </summary>
    public static IEndpointRouteBuilder MapMetricsEndpoint(this IEndpointRouteBuilder endpoints)
    {
        if (MetricsEnabled(endpoints.ServiceProvider.GetRequiredService<IConfiguration>()))
            endpoints.MapPrometheusScrapingEndpoint(MetricsPath).DisableHttpMetrics().ExcludeFromDescription();
        return endpoints;
    }

    /// <summary>
    /// The SDK listens to meters by name, process-wide. A meter made by another host's
    /// <see cref="IMeterFactory"/> (several hosts share a process in the in-process tests) is that
    /// host's: counting it here would add its requests to this host's, and its disposal would end
    /// the merged series for both.
    /// </summary>
    private static Func<Instrument, MetricStreamConfiguration?> OnlyThisHostsMeters(IMeterFactory own) =>
        instrument => instrument.Meter.Scope is IMeterFactory factory && !ReferenceEquals(factory, own) ? MetricStreamConfiguration.Drop : null;

    /// <summary>Kubernetes probes and Prometheus scrapes: a span every few seconds that says nothing.</summary>
    private static bool IsProbeOrScrape(PathString path) =>
        path.Equals(HealthExtensions.LivenessPath, StringComparison.OrdinalIgnoreCase)
        || path.Equals(HealthExtensions.ReadinessPath, StringComparison.OrdinalIgnoreCase)
        || path.Equals(MetricsPath, StringComparison.OrdinalIgnoreCase);
}
