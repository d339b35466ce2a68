using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace TodoChatbot.Api.Data;

/// <summary>Applies the EF Core migrations: for the <c>migrate</c> command, and at start-up when configured.</summary>
public static partial class DatabaseMigrator
{
    /// <summary>
    /// Applies pending migrations, safely when two replicas (or two init containers) do it at the
    /// same moment. On PostgreSQL a session advisory lock, held on a connection of its own, makes
    /// the second wait and then find nothing left to apply (EF Core's own migration lock does not
    /// keep two processes from applying the same migration there). On SQLite, EF Core's lock table
    /// does the same job.
    /// </summary>
    public static async Task MigrateDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<TodoDbContext>().Database;
        var connection = scope.ServiceProvider.GetRequiredService<DatabaseConnection>();
        if (connection.Provider != DatabaseProvider.Postgres)
        {
            await database.MigrateAsync(cancellationToken);
            return;
        }

        var wait = TimeSpan.FromSeconds(Math.Max(0, scope.ServiceProvider.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectWaitSeconds));
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseMigrator));
        await using var lockConnection = await OpenWhenReachableAsync(connection.ConnectionString, wait, logger, cancellationToken);
        await using (var acquire = new NpgsqlCommand($"SELECT pg_advisory_lock({MigrationLockKey})", lockConnection))
            await acquire.ExecuteNonQueryAsync(cancellationToken);
        try
        {
            await database.MigrateAsync(cancellationToken);
        }
        finally
        {
            await using var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({MigrationLockKey})", lockConnection);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    /// <summary>
    /// The first connection, allowed to wait for a database that is still starting: a new
    /// PostgreSQL pod initialising its volume (its Service name does not even resolve until it is
    /// ready), a compose service restarting. Transient failures (refused, unresolvable, timed out,
    /// "starting up") are retried every 2 s within the limit, each logged with its reason; any
    /// other (a wrong password, a missing database, SSL) fails at once.
    /// </summary>
    private static async Task<NpgsqlConnection> OpenWhenReachableAsync(string connectionString, TimeSpan limit, ILogger logger, CancellationToken cancellationToken)
    {
        var retryDelay = TimeSpan.FromSeconds(2);
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            var connection = new NpgsqlConnection(connectionString);
            try
            {
                await connection.OpenAsync(cancellationToken);
                return connection;
            }
            catch (NpgsqlException exception) when (exception.IsTransient && DateTime.UtcNow + retryDelay < deadline)
            {
                await connection.DisposeAsync();
                LogWaiting(logger, exception.Message);
                await Task.Delay(retryDelay, cancellationToken);
            }
            catch
            {
                await connection.DisposeAsync();
                throw;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Waiting for the database to accept connections: {Reason}")]
    private static partial void LogWaiting(ILogger logger, string reason);

    /// <summary>An arbitrary constant naming this application's migration lock among advisory locks.</summary>
    private const long MigrationLockKey = 7_305_519_427_150_011;
}

/// <summary>Migrates at start-up when <see cref="DatabaseOptions.MigrateOnStartup"/> is set, before the server listens.</summary>
internal sealed class StartupMigration(IServiceProvider services, IOptions<DatabaseOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        options.Value.MigrateOnStartup ? services.MigrateDatabaseAsync(cancellationToken) : Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

