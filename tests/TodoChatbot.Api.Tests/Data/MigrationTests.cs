using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;
using TodoChatbot.Api.Data;
using TodoChatbot.Api.Tasks;

namespace TodoChatbot.Api.Tests.Data;

/// <summary>Migrations cover the model, and the real <c>migrate</c> command is safe to run twice at once.</summary>
public sealed class MigrationTests
{
    private static string ApiAssembly => RepositoryPaths.ServiceAssembly("backend", "TodoChatbot.Api");

    public static TheoryData<string> Providers => new() { "Postgres", "Sqlite" };

    [Theory]
    [MemberData(nameof(Providers))]
    public void Every_model_change_is_covered_by_a_migration(string provider)
    {
        // Fails when someone changes an entity without running scripts/add-migration.sh.
        using TodoDbContext context = provider == "Postgres"
            ? Create<PostgresTodoDbContext>()
            : Create<SqliteTodoDbContext>();
        Assert.False(context.Database.HasPendingModelChanges(),
            $"The {provider} model has changes no migration covers: run scripts/add-migration.sh <Name>");
        Assert.NotEmpty(context.Database.GetMigrations());
    }

    [Fact]
    public async Task Two_migrate_commands_at_once_on_postgres_both_succeed_and_apply_each_migration_once()
    {
        var connectionString = await PostgresServer.RequireDatabaseAsync("migrate");

        var exitCodes = await RunMigrateTwiceAtOnceAsync(connectionString);

        Assert.Equal([0, 0], exitCodes);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Cancellation);
        await using var history = new NpgsqlCommand("SELECT count(*), count(DISTINCT migration_id) FROM \"__EFMigrationsHistory\"", connection);
        await using var reader = await history.ExecuteReaderAsync(Cancellation);
        await reader.ReadAsync(Cancellation);
        using var context = Create<PostgresTodoDbContext>();
        var expected = context.Database.GetMigrations().Count();
        Assert.Equal(expected, reader.GetInt64(0));
        Assert.Equal(expected, reader.GetInt64(1));
    }

    [Fact]
    public async Task Two_migrate_commands_at_once_on_sqlite_both_succeed()
    {
        var file = Path.Combine(Path.GetTempPath(), $"todo-migrate-{Guid.NewGuid():N}.db");
        try
        {
            var exitCodes = await RunMigrateTwiceAtOnceAsync($"Data Source={file}");

            Assert.Equal([0, 0], exitCodes);
            await using var connection = new SqliteConnection($"Data Source={file}");
            await connection.OpenAsync(Cancellation);
            await using var command = new SqliteCommand("SELECT count(*) FROM __EFMigrationsHistory", connection);
            using var context = Create<SqliteTodoDbContext>();
            Assert.Equal((long)context.Database.GetMigrations().Count(), (long)(await command.ExecuteScalarAsync(Cancellation))!);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Migrate_against_an_unreachable_database_exits_1_with_the_reason()
    {
        var environment = MigrateEnvironment($"Host=127.0.0.1;Port={ServiceProcess.FreePort()};Database=none;Username=none;Password=none;Timeout=3");
        // Room for at least one retry (every 2 s) even when starting the process is slow.
        environment["Database__ConnectWaitSeconds"] = "10";
        await using var process = ServiceProcess.Start(ApiAssembly, ["migrate"], environment);

        var exitCode = await process.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1, exitCode);
        Assert.Contains("Waiting for the database to accept connections", process.Output, StringComparison.Ordinal);
        Assert.Contains("Database migration failed", process.Output, StringComparison.Ordinal);
    }

    /// <summary>
    /// A first install on Kubernetes: the backend's init container starts while the development
    /// PostgreSQL is still initialising. migrate waits for it instead of failing into a crash-loop
    /// back-off, and migrates once it answers.
    /// </summary>
    [Fact]
    public async Task Migrate_waits_for_a_database_that_is_still_starting()
    {
        await using var server = await PostgresServer.StartDedicatedAsync();
        var connectionString = await server.CreateDatabaseAsync("late");
        await server.StopServerAsync();

        await using var process = ServiceProcess.Start(ApiAssembly, ["migrate"], MigrateEnvironment(connectionString));
        // It has met the stopped database and is waiting, not failing: then the database comes up.
        await process.WaitForOutputAsync("Waiting for the database to accept connections", TimeSpan.FromSeconds(60));
        Assert.False(process.HasExited, $"migrate gave up while the database was down:\n{process.Output}");
        await server.StartServerAsync();
        var exitCode = await process.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.True(exitCode == 0, process.Output);
        Assert.Contains("Waiting for the database to accept connections", process.Output, StringComparison.Ordinal);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Cancellation);
        await using var count = new NpgsqlCommand("""SELECT count(*) FROM "__EFMigrationsHistory" """, connection);
        Assert.True((long)(await count.ExecuteScalarAsync(Cancellation))! > 0);
    }

    private static async Task<int[]> RunMigrateTwiceAtOnceAsync(string connectionString)
    {
        await using var first = ServiceProcess.Start(ApiAssembly, ["migrate"], MigrateEnvironment(connectionString));
        await using var second = ServiceProcess.Start(ApiAssembly, ["migrate"], MigrateEnvironment(connectionString));
        var exitCodes = await Task.WhenAll(first.WaitForExitAsync(TimeSpan.FromSeconds(90)), second.WaitForExitAsync(TimeSpan.FromSeconds(90)));
        Assert.True(exitCodes.All(code => code == 0), $"first:\n{first.Output}\nsecond:\n{second.Output}");
        return exitCodes;
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_database_of_the_previous_version_keeps_every_task_number_and_continues_after_each_users_highest(string provider)
    {
        await using var context = await EmptyDatabaseAsync(provider);
        // The database as the previous version left it: its migrations only, the tasks numbered by
        // one sequence for everyone (Alice 1, 3, 6; Bob 2, 4; 5 deleted).
        var migrations = context.Database.GetMigrations().ToList();
        var previous = migrations[migrations.FindIndex(m => m.EndsWith("_PerUserTaskNumbers", StringComparison.Ordinal)) - 1];
        await context.GetService<IMigrator>().MigrateAsync(previous, Cancellation);
        TodoUser alice = new() { Id = Guid.NewGuid().ToString(), UserName = "alice@example.com", Email = "alice@example.com" };
        TodoUser bob = new() { Id = Guid.NewGuid().ToString(), UserName = "bob@example.com", Email = "bob@example.com" };
        context.Users.AddRange(alice, bob);
        await context.SaveChangesAsync(Cancellation);
        var now = DateTime.UtcNow;
        foreach (var (owner, title) in new[] { (alice, "A1"), (bob, "B2"), (alice, "A3"), (bob, "B4"), (alice, "A5"), (alice, "A6") })
            await context.Database.ExecuteSqlAsync($"INSERT INTO tasks (user_id, title, completed, created_at, updated_at) VALUES ({owner.Id}, {title}, {false}, {now}, {now})", Cancellation);
        await context.Database.ExecuteSqlAsync($"DELETE FROM tasks WHERE title = {"A5"}", Cancellation);

        await context.GetService<IMigrator>().MigrateAsync(cancellationToken: Cancellation);

        var tasks = new TaskService(context, TimeProvider.System);
        var alicesTasks = await tasks.ListAsync(alice.Id, TaskListFilter.All, Cancellation);
        Assert.Equal([(1, "A1"), (3, "A3"), (6, "A6")], alicesTasks.Select(t => (t.Number, t.Title)));
        Assert.Equal([(2, "B2"), (4, "B4")], (await tasks.ListAsync(bob.Id, TaskListFilter.All, Cancellation)).Select(t => (t.Number, t.Title)));
        Assert.Equal(7, (await tasks.CreateAsync(alice.Id, "A7", null, Cancellation))!.Number);
        Assert.Equal(5, (await tasks.CreateAsync(bob.Id, "B5", null, Cancellation))!.Number);
        Assert.Equal("A3", (await tasks.FindAsync(alice.Id, 3, Cancellation))!.Title);
        Assert.Null(await tasks.FindAsync(bob.Id, 3, Cancellation));
    }

    /// <summary>A context on a new, empty database of the provider (nothing migrated).</summary>
    private static async Task<TodoDbContext> EmptyDatabaseAsync(string provider)
    {
        if (provider == "Postgres")
        {
            var options = new DbContextOptionsBuilder<PostgresTodoDbContext>();
            PostgresTodoDbContext.Configure(options, await PostgresServer.RequireDatabaseAsync("previous"));
            return new PostgresTodoDbContext(options.Options);
        }
        var sqlite = new DbContextOptionsBuilder<SqliteTodoDbContext>();
        SqliteTodoDbContext.Configure(sqlite, $"Data Source={Path.Combine(Path.GetTempPath(), $"todo-previous-{Guid.NewGuid():N}.db")};Pooling=false");
        return new SqliteTodoDbContext(sqlite.Options);
    }

    /// <summary>Production settings with a database and nothing else: migrate needs no JWT secret.</summary>
    private static Dictionary<string, string?> MigrateEnvironment(string connectionString) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["ConnectionStrings__Todo"] = connectionString,
    };

    private static TContext Create<TContext>() where TContext : DbContext
    {
        IDesignTimeDbContextFactory<TContext> factory = typeof(TContext) == typeof(PostgresTodoDbContext)
            ? (IDesignTimeDbContextFactory<TContext>)(object)new PostgresTodoDbContextDesignFactory()
            : (IDesignTimeDbContextFactory<TContext>)(object)new SqliteTodoDbContextDesignFactory();
        return factory.CreateDbContext([]);
    }
}
