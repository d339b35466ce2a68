using Npgsql;
using TodoChatbot.ServiceDefaults;

namespace TodoChatbot.Api.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Which database the service uses, decided once from configuration.</summary>
public sealed record DatabaseConnection(DatabaseProvider Provider, string ConnectionString)
{
    /// <summary>The configuration key; <c>DATABASE_URL</c> is accepted as an alias.</summary>
    public const string ConfigurationKey = "ConnectionStrings:Todo";

    /// <summary>
    /// A password kept apart from the connection string (alias <c>DATABASE_PASSWORD</c>, or
    /// <c>DATABASE_PASSWORD_FILE</c> for a mounted secret); used when the string itself has none.
    /// </summary>
    public const string PasswordKey = "Database:Password";

    /// <summary>
    /// <c>ConnectionStrings:Todo</c> (or <c>DATABASE_URL</c>) as a <c>postgresql://</c> URL or an
    /// Npgsql connection string selects PostgreSQL; one with <c>Data Source=</c> selects SQLite.
    /// Nothing set selects a SQLite file under App_Data in Development, and is refused elsewhere:
    /// a replica writing to its own file would silently lose everyone's data on restart.
    /// </summary>
    public static DatabaseConnection Resolve(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration[ConfigurationKey]?.Trim();
        if (string.IsNullOrEmpty(configured))
        {
            if (!environment.IsDevelopment())
                throw new StartupConfigurationException(
                    "no database configured: set DATABASE_URL (postgresql://user:password@host/database?sslmode=require) or ConnectionStrings__Todo");
            var file = Path.Combine(environment.ContentRootPath, "App_Data", "todo.db");
            return new(DatabaseProvider.Sqlite, $"Data Source={file}");
        }

        try
        {
            if (configured.Contains("Data Source", StringComparison.OrdinalIgnoreCase) && !PostgresUrl.IsUrl(configured))
                return new(DatabaseProvider.Sqlite, configured);
            // Parse now so a typo in a key fails at start-up, not at the first request.
            var builder = new NpgsqlConnectionStringBuilder(PostgresUrl.IsUrl(configured) ? PostgresUrl.ToConnectionString(configured) : configured);
            if (string.IsNullOrEmpty(builder.Password) && configuration[PasswordKey] is { Length: > 0 } password)
                builder.Password = password;
            // Kerberos is never used here, and the runtime images lack its library: don't try it.
            if (!configured.Contains("Gss", StringComparison.OrdinalIgnoreCase))
                builder.GssEncryptionMode = GssEncryptionMode.Disable;
            return new(DatabaseProvider.Postgres, builder.ConnectionString);
        }
        catch (Exception exception) when (exception is FormatException or ArgumentException)
        {
            throw new StartupConfigurationException($"the database connection setting is invalid: {exception.Message}");
        }
    }
}
