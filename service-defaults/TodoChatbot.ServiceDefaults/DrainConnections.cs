using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace TodoChatbot.ServiceDefaults;

/// <summary>
/// During the shutdown drain every HTTP/1.x response carries <c>Connection: close</c>. A Kubernetes
/// Service balances per TCP connection, and a keep-alive connection stays with its pod after the
/// pod leaves the endpoints; without this, clients (the frontend's proxy pool, ingress controllers,
/// browsers) keep sending on it for the whole drain, until the server stops and closes it under
/// whichever request is on the wire — a proxied POST cannot be retried, so it fails with 502.
/// Closing after each response moves every client to a new connection, which goes to a ready pod.
/// (HTTP/2 is not served here; the server sends GOAWAY for it when it stops.)
/// </summary>
internal static class DrainConnections
{
    public static IApplicationBuilder UseConnectionCloseWhileDraining(this IApplicationBuilder app)
    {
        var state = app.ApplicationServices.GetRequiredService<ShutdownState>();
        return app.Use((context, next) =>
        {
            // Decided when the response starts, so a request that began before SIGTERM counts too.
            context.Response.OnStarting(() =>
            {
                if (state.IsShuttingDown && (HttpProtocol.IsHttp11(context.Request.Protocol) || HttpProtocol.IsHttp10(context.Request.Protocol)))
                    context.Response.Headers.Connection = "close";
                return Task.CompletedTask;
            });
            return next(context);
        });
    }
}
