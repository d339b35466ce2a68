using System.Net.Sockets;
using Microsoft.AspNetCore.Diagnostics;
using Npgsql;
using TodoChatbot.ServiceDefaults;

namespace TodoChatbot.Api.Data;

/// <summary>
/// When the database cannot be reached (restarting, network down, Neon waking up), requests get a
/// 503 problem that says so, instead of a bare 500, and clients know to retry. /readyz fails at the
/// same time, so Kubernetes stops routing here until the database is back; no restart is needed.
/// </summary>
public sealed partial class DatabaseUnavailableHandler(IProblemDetailsService problems, ILogger<DatabaseUnavailableHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (!IsUnreachable(exception))
            return false;
        LogUnavailable(logger, exception.GetBaseException().Message);
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = "5";
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Database unavailable",
                Detail = "The database cannot be reached right now. Try again in a few seconds.",
            },
        });
    }

    private static bool IsUnreachable(Exception exception) => exception.AndInner().Any(current =>
        current is SocketException or TimeoutException or NpgsqlException { IsTransient: true }
            // admin_shutdown, crash_shutdown, cannot_connect_now: the server is restarting.
            or PostgresException { SqlState: "57P01" or "57P02" or "57P03" });

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database unavailable: {Reason}")]
    private static partial void LogUnavailable(ILogger logger, string reason);
}
