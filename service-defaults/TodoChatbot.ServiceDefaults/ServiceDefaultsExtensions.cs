using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace TodoChatbot.ServiceDefaults;

public static class ServiceDefaultsExtensions
{
    /// <summary>
    /// Registers what every service shares: its default port, RFC 7807 problem details for every
    /// error, health checks and the shutdown drain that fails readiness before the server stops,
    /// and metrics and traces (<see cref="TelemetryExtensions"/>).
    /// </summary>
    public static WebApplicationBuilder AddServiceDefaults(this WebApplicationBuilder builder, int defaultPort)
    {
        builder.UseDefaultPort(defaultPort);
        // Kestrel binds its endpoints from configuration but not its limits: bind them too, so
        // Kestrel__Limits__MaxRequestBodySize and friends work as documented.
        builder.WebHost.ConfigureKestrel((context, kestrel) =>
            context.Configuration.GetSection("Kestrel:Limits").Bind(kestrel.Limits));

        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            // A malformed request is the client's mistake: say what was wrong (the framework's
            // message names the parameter, never internals). Anything else stays generic.
            if (context.Exception is BadHttpRequestException badRequest)
                context.ProblemDetails.Detail = BadRequests.Detail(badRequest);
            else if (context.ProblemDetails.Status == StatusCodes.Status413PayloadTooLarge)
                context.ProblemDetails.Detail = BadRequests.TooLargeDetail(context.HttpContext);
        });
        // Minimal APIs answer bad JSON, a missing body or a wrong content type with a bare status
        // code unless told to throw; throwing lets the exception handler write a problem with a reason.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);

        builder.AddHealthAndShutdown();
        builder.AddTelemetry();
        return builder;
    }

    /// <summary>
    /// Checks the options registered with ValidateOnStart now, so a bad setting ends in
    /// <see cref="StartupGuard"/>'s one-line reason rather than the host's logged stack trace; then
    /// adds <c>Connection: close</c> during the shutdown drain, and the exception handler and
    /// status-code pages that answer with problem details.
    /// </summary>
    public static WebApplication UseServiceDefaults(this WebApplication app)
    {
        app.Services.GetRequiredService<IStartupValidator>().Validate();
        app.UseConnectionCloseWhileDraining();
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = exception => exception is BadHttpRequestException badRequest
                ? BadRequests.StatusCode(badRequest)
                : StatusCodes.Status500InternalServerError,
            // Bad input is not a server error: don't log it as one.
            SuppressDiagnosticsCallback = context => context.Exception is BadHttpRequestException,
        });
        app.UseStatusCodePages();
        return app;
    }

    /// <summary>
    /// The operational endpoints every service answers on its own port, the same way: the probes
    /// (<c>/healthz</c>, <c>/readyz</c>) and, when metrics are on, <c>/metrics</c>.
    /// </summary>
    public static IEndpointRouteBuilder MapServiceDefaultEndpoints(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapHealthEndpoints().MapMetricsEndpoint();

    /// <summary>
    /// Listens on <paramref name="port"/> unless the operator chose addresses
    /// (<c>--urls</c>, <c>ASPNETCORE_URLS</c>, <c>ASPNETCORE_HTTP_PORTS</c>). Development binds to
    /// loopback only; elsewhere (containers) all interfaces.
    /// </summary>
    private static void UseDefaultPort(this WebApplicationBuilder builder, int port)
    {
        var configuration = builder.Configuration;
        if (!string.IsNullOrEmpty(configuration[WebHostDefaults.ServerUrlsKey])
            || !string.IsNullOrEmpty(configuration[WebHostDefaults.HttpPortsKey])
            || !string.IsNullOrEmpty(configuration[WebHostDefaults.HttpsPortsKey]))
            return;
        builder.WebHost.UseUrls(builder.Environment.IsDevelopment() ? $"http://localhost:{port}" : $"http://+:{port}");
    }
}
