using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using TodoChatbot.ServiceDefaults;

namespace TodoChatbot.Api.Data;

public static class DatabaseExtensions
{
    public static WebApplicationBuilder AddTodoDatabase(this WebApplicationBuilder builder)
    {
        var connection = DatabaseConnection.Resolve(builder.Configuration, builder.Environment);
        builder.Services.AddSingleton(connection);

        if (connection.Provider == DatabaseProvider.Postgres)
        {
            builder.Services.AddDbContext<TodoDbContext, PostgresTodoDbContext>(options =>
                PostgresTodoDbContext.Configure(options, connection.ConnectionString));
        }
        else
        {
            EnsureSqliteDirectory(connection.ConnectionString);
            builder.Services.AddDbContext<TodoDbContext, SqliteTodoDbContext>(options =>
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

        await using var lockConnection = new NpgsqlConnection(connection.ConnectionString);
        await lockConnection.OpenAsync(cancellationToken);
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
}
