using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using TodoChatbot.ServiceDefaults;

namespace TodoChatbot.Api.Data;

public static partial class DatabaseExtensions
{
    public static WebApplicationBuilder AddTodoDatabase(this WebApplicationBuilder builder)
    {
        var connection = DatabaseConnection.Resolve(builder.Configuration, builder.Environment);
        builder.Services.AddSingleton(connection);

        // Pooled: a request rents a context that is reset after use instead of building one (and
        // its internal services) each time; the contexts keep no state of their own.
        if (connection.Provider == DatabaseProvider.Postgres)
        {
            builder.Services.AddDbContextPool<TodoDbContext, PostgresTodoDbContext>(options =>
                PostgresTodoDbContext.Configure(options, connection.ConnectionString));
        }
        else
        {
            EnsureSqliteDirectory(connection.ConnectionString);
            builder.Services.AddDbContextPool<TodoDbContext, SqliteTodoDbContext>(options =>
                SqliteTodoDbContext.Configure(options, connection.ConnectionString));
        }

        builder.Services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section);
        builder.Services.AddExceptionHandler<DatabaseUnavailableHandler>();
        builder.Services.AddHostedService<StartupMigration>();
        builder.Services.AddHealthChecks().AddDbContextCheck<TodoDbContext>("database", tags: [HealthTags.Ready]);
        return builder;
    }

    /// <summary>
    /// Applies pending migrations, safely when two replicas (or two init containers) do it at the
    /// same moment. On PostgreSQL a session advisory lock, held on a connection of its own, makes
    /// the second wait and then find nothing left to apply: EF Core's own migration lock did not
    /// stop two processes from applying the same migration (MigrationTests caught it). On SQLite,
    /// EF Core's lock table does the same job.
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
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseExtensions));
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

    private static void EnsureSqliteDirectory(string connectionString)
    {
        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var directory = Path.GetDirectoryName(Path.GetFullPath(file));
        if (!string.IsNullOrEmpty(directory) && file != ":memory:")
            Directory.CreateDirectory(directory);
    }
}

/// <summary>Settings of the <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>
    /// Apply migrations when the service starts (on in Development). Containers leave it off and
    /// run the <c>migrate</c> command as an init step instead, before any replica takes traffic.
    /// </summary>
    public bool MigrateOnStartup { get; set; }

    /// <summary>
    /// How long migrating (the <c>migrate</c> command, or at start-up) waits for a database that
    /// does not accept connections yet, before it fails with the reason.
    /// </summary>
    public int ConnectWaitSeconds { get; set; } = 60;
}
