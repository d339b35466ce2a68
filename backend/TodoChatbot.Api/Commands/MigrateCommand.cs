using TodoChatbot.Api.Data;

namespace TodoChatbot.Api.Commands;

public static partial class MigrateCommand
{
    public const string Name = "migrate";

    /// <summary>
    /// <c>TodoChatbot.Api migrate</c>: applies migrations and exits 0, or logs why not and exits 1.
    /// Meant for a container init step (Kubernetes init container, compose one-shot service).
    /// </summary>
    public static async Task<int> RunAsync(WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(MigrateCommand));
        var provider = app.Services.GetRequiredService<DatabaseConnection>().Provider;
        try
        {
            await app.Services.MigrateDatabaseAsync();
            LogMigrated(logger, provider);
            return 0;
        }
#pragma warning disable CA1031 // Any failure must become exit code 1 with a reason, for the init step to report.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogFailed(logger, provider, exception.Message);
            return 1;
        }
        finally
        {
            // Flushes the console logger's queue: without it, the reason may never reach the log.
            await app.DisposeAsync();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database migrated ({Provider})")]
    private static partial void LogMigrated(ILogger logger, DatabaseProvider provider);

    [LoggerMessage(Level = LogLevel.Error, Message = "Database migration failed ({Provider}): {Reason}")]
    private static partial void LogFailed(ILogger logger, DatabaseProvider provider, string reason);
}
