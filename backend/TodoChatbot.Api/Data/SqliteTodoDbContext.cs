using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace TodoChatbot.Api.Data;

/// <summary>The database on a SQLite file (local development without a server). Migrations in Data/Migrations/Sqlite.</summary>
public sealed class SqliteTodoDbContext(DbContextOptions<SqliteTodoDbContext> options) : TodoDbContext(options)
{
    public static void Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString).UseSnakeCaseNamingConvention();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite stores text without a time zone; every timestamp the app writes is UTC, so say so
        // when reading it back (PostgreSQL's timestamptz does this by itself).
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        value => value.ToUniversalTime(),
        value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
}

public sealed class SqliteTodoDbContextDesignFactory : IDesignTimeDbContextFactory<SqliteTodoDbContext>
{
    public SqliteTodoDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SqliteTodoDbContext>();
        SqliteTodoDbContext.Configure(options, "Data Source=design-time.db");
        return new SqliteTodoDbContext(options.Options);
    }
}
