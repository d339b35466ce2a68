using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace TodoChatbot.EndToEnd.Tests;

/// <summary>
/// Plays an OpenTelemetry collector for the services under test: OTLP/HTTP on a loopback port,
/// accepting <c>POST /v1/traces</c> in protobuf (what the .NET exporter sends with
/// <c>OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf</c>) and keeping every span it receives.
/// </summary>
internal sealed class OtlpCollector : IAsyncDisposable
{
    private readonly ConcurrentQueue<OtlpSpan> _spans = new();
    private LoopbackServer _http = null!;

    private OtlpCollector()
    {
    }

    /// <summary>The value for <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (the exporter adds /v1/traces).</summary>
    public Uri Endpoint => _http.BaseUrl;

    public IReadOnlyList<OtlpSpan> Spans => _spans.ToArray();

    public static async Task<OtlpCollector> StartAsync()
    {
        var collector = new OtlpCollector();
        collector._http = await LoopbackServer.StartAsync(app => app.MapPost("/v1/traces", async context =>
        {
            if (context.Request.ContentType != "application/x-protobuf")
            {
                context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
                return;
            }
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body, context.RequestAborted);
            foreach (var span in OtlpTraceReader.Read(body.ToArray()))
                collector._spans.Enqueue(span);
            // An empty ExportTraceServiceResponse: everything accepted.
            context.Response.ContentType = "application/x-protobuf";
        }));
        return collector;
    }

    /// <summary>Waits until a received span matches, and returns it.</summary>
    public async Task<OtlpSpan> WaitForAsync(Func<OtlpSpan, bool> match, string what, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline)
        {
            if (Spans.FirstOrDefault(match) is { } span)
                return span;
            await Task.Delay(100, Cancellation);
        }
        throw new TimeoutException($"no span {what} within {within}; received:\n{string.Join('\n', Spans)}");
    }

    public ValueTask DisposeAsync() => _http.DisposeAsync();
}
