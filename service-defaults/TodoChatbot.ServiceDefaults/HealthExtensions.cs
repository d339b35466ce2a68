using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace TodoChatbot.ServiceDefaults;

/// <summary>Tags that decide which health checks each endpoint runs.</summary>
public static class HealthTags
{
    /// <summary>Checks that must pass before the service takes traffic (readiness).</summary>
    public const string Ready = "ready";
}

public static class HealthExtensions
{
    public const string LivenessPath = "/healthz";
    public const string ReadinessPath = "/readyz";

    internal static void AddHealthAndShutdown(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ShutdownState>();
        builder.Services.AddOptions<ShutdownOptions>().BindConfiguration(ShutdownOptions.Section);
        builder.Services.AddHostedService<ShutdownDrain>();
        builder.Services.AddHealthChecks()
            .AddCheck<ShutdownReadinessCheck>("shutdown", tags: [HealthTags.Ready]);
    }

    /// <summary>
    /// <c>/healthz</c>: the process answers (no dependency is touched, so a database outage never
    /// gets pods killed). <c>/readyz</c>: every check tagged <see cref="HealthTags.Ready"/> passes.
    /// Both answer a small JSON body with the status of each check, never exception details.
    /// </summary>
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks(LivenessPath, new HealthCheckOptions
        {
            Predicate = _ => false,
            ResponseWriter = WriteReport,
        }).DisableHttpMetrics().ExcludeFromDescription();
        endpoints.MapHealthChecks(ReadinessPath, new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(HealthTags.Ready),
            ResponseWriter = WriteReport,
        }).DisableHttpMetrics().ExcludeFromDescription();
        return endpoints;
    }

    private static Task WriteReport(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        context.Response.Headers.CacheControl = "no-store";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(entry => entry.Key, entry => entry.Value.Status.ToString()),
        };
        return JsonSerializer.SerializeAsync(context.Response.Body, body, cancellationToken: context.RequestAborted);
    }
}
