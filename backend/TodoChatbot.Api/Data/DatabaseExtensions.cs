using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using TodoChatbot.ServiceDefaults;

namespace TodoChatbot.Api.Data;

public static class DatabaseExtensions
{
    /// <summary>
    /// The EF Core context for the configured provider (PostgreSQL, or SQLite for a local run), the
    /// handler that turns an unreachable database into a 503 problem, the readiness check, and the
    /// optional migration at start-up (see <see cref="DatabaseMigrator"/>).
    /// </summary>
    public static WebApplicationBuilder AddDatabase(this WebApplicationBuilder builder)
    {
        var connection = DatabaseConnection.Resolve(builder.Configuration, builder.Environment);
        builder.Services.AddSingleton(connection);

        // Pooled: a request rents a context that is reset after use instead of building one (and
        // its internal services) each time; the contexts keep no state of their own.
        if (connection.Provider == DatabaseProvider.Postgres)
        {
            builder.Services.AddDbContextPool<TodoDbContext, PostgresTodoDbContext>(options =>
                PostgresTodoDbContext.Configure(options, connection.ConnectionString));
            // Npgsql's connection-pool and command metrics, and a span per command in a traced
            // request (the statement text, never its parameter values).
            builder.Services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddNpgsqlInstrumentation());
            builder.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddNpgsql());
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

    private static void EnsureSqliteDirectory(string connectionString)
    {
        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var directory = Path.GetDirectoryName(Path.GetFullPath(file));
        if (!string.IsNullOrEmpty(directory) && file != ":memory:")
            Directory.CreateDirectory(directory);
    }
}
