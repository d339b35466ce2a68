using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace TodoChatbot.Api.Data;

/// <summary>The database on PostgreSQL (production, Neon, compose, the test server). Migrations in Data/Migrations/Postgres.</summary>
public sealed class PostgresTodoDbContext(DbContextOptions<PostgresTodoDbContext> options) : TodoDbContext(options)
{
    public static void Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString).UseSnakeCaseNamingConvention();
}

/// <summary>Lets EF Core's tools build the context without starting the app (scripts/add-migration.sh).</summary>
public sealed class PostgresTodoDbContextDesignFactory : IDesignTimeDbContextFactory<PostgresTodoDbContext>
{
    public PostgresTodoDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PostgresTodoDbContext>();
        PostgresTodoDbContext.Configure(options, "Host=localhost;Database=todo_design_time");
        return new PostgresTodoDbContext(options.Options);
    }
}
