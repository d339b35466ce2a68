using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
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
        builder.Services.AddHostedService<StartupMigration>();
        builder.Services.AddHealthChecks().AddDbContextCheck<TodoDbContext>("database", tags: [HealthTags.Ready]);
        return builder;
    }

    /// <summary>
    /// Applies pending migrations. EF Core takes a database-wide migration lock first, so two
    /// replicas (or two init containers) migrating at once apply each migration exactly once.
    /// </summary>
    public static async Task MigrateDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<TodoDbContext>().Database;
        await database.MigrateAsync(cancellationToken);
    }

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
