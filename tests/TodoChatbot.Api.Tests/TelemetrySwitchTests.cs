using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace TodoChatbot.Api.Tests;

/// <summary>
/// What switches telemetry on and off: metrics are on unless <c>Telemetry__Metrics__Enabled=false</c>;
/// traces only with <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>. Without a tracer no span is ever sampled,
/// so nothing is recorded or sent and requests pay nothing for tracing. (With the endpoint set, the
/// end-to-end TracingTests run both services as processes and receive their spans: a host with a
/// tracer is kept out of this process, whose other API hosts it would disturb.)
/// </summary>
[Collection(SqliteCollection.Name)]
public sealed class TelemetrySwitchTests(SqliteApiFactory defaults, TelemetrySwitchTests.MetricsOffFactory switched)
    : IClassFixture<TelemetrySwitchTests.MetricsOffFactory>
{
    [Fact]
    public async Task By_default_metrics_are_served_and_no_tracer_exists()
    {
        using var client = defaults.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/metrics", Cancellation)).StatusCode);
        Assert.NotNull(defaults.Services.GetService<MeterProvider>());
        Assert.Null(defaults.Services.GetService<TracerProvider>());
    }

    [Fact]
    public async Task Metrics_switched_off_are_neither_collected_nor_served()
    {
        using var client = switched.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/metrics", Cancellation)).StatusCode);
        Assert.Null(switched.Services.GetService<MeterProvider>());
    }

    public sealed class MetricsOffFactory : SqliteApiFactory
    {
        protected override IReadOnlyDictionary<string, string> ExtraSettings { get; } = new Dictionary<string, string>
        {
            ["Telemetry:Metrics:Enabled"] = "false",
        };
    }
}
