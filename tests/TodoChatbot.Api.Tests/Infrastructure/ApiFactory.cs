using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace TodoChatbot.Api.Tests.Infrastructure;

/// <summary>
/// The real API on real Kestrel (a loopback port, so request limits and HTTP parsing are the
/// real ones) against a real database. Subclasses choose the database.
/// </summary>
public abstract class ApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    /// <summary>A secret that exists only in this test run.</summary>
    public static readonly string JwtSecret = "test-only-" + Convert.ToHexString(Guid.NewGuid().ToByteArray()) + "-padding-to-48-bytes";

    protected ApiFactory() => UseKestrel(0);

    /// <summary>Why the database is unavailable (the test then skips, or fails under CI), or null.</summary>
    public string? Unavailable { get; private set; }

    /// <summary>The value given to the service as its database setting.</summary>
    public string DatabaseSetting { get; private set; } = "";

    /// <summary>The database setting, or null with <see cref="Unavailable"/> set.</summary>
    protected abstract Task<(string? Setting, string? Unavailable)> PrepareDatabaseAsync();

    /// <summary>Configuration key the database setting is given under (the alias DATABASE_URL in some tests).</summary>
    protected virtual string DatabaseSettingKey => "ConnectionStrings:Todo";

    /// <summary>Settings a subclass changes (rate limits, for instance).</summary>
    protected virtual IReadOnlyDictionary<string, string> ExtraSettings { get; } = new Dictionary<string, string>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting(DatabaseSettingKey, DatabaseSetting);
        builder.UseSetting("Auth:JwtSecret", JwtSecret);
        builder.UseSetting("Database:MigrateOnStartup", "true");
        builder.UseSetting("RateLimiting:Auth:PermitLimit", "100000");
        builder.UseSetting("RateLimiting:Chat:PermitLimit", "100000");
        builder.UseSetting("Shutdown:DrainDelaySeconds", "0");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // Never a real provider from the developer's shell (GROQ_API_KEY…): the offline assistant
        // unless a test names its own fake server.
        builder.UseSetting("Llm:Provider", "offline");
        foreach (var (key, value) in ExtraSettings)
            builder.UseSetting(key, value);
    }

    public async ValueTask InitializeAsync()
    {
        var (setting, unavailable) = await PrepareDatabaseAsync();
        Unavailable = unavailable;
        if (setting is null)
            return;
        DatabaseSetting = setting;
        StartServer();
    }
}

/// <summary>The API on a throw-away SQLite file; tests that need other settings derive from it.</summary>
public class SqliteApiFactory : ApiFactory
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"todo-api-tests-{Guid.NewGuid():N}.db");

    protected override Task<(string? Setting, string? Unavailable)> PrepareDatabaseAsync() =>
        Task.FromResult<(string?, string?)>(($"Data Source={_file}", null));

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_file);
    }
}

public class PostgresApiFactory : ApiFactory
{
    protected override async Task<(string? Setting, string? Unavailable)> PrepareDatabaseAsync()
    {
        var (server, unavailable) = await PostgresServer.GetSharedAsync();
        return server is null ? (null, unavailable) : (await CreateSettingAsync(server), null);
    }

    protected virtual Task<string> CreateSettingAsync(PostgresServer server) => server.CreateDatabaseAsync("api");
}

[CollectionDefinition(Name)]
public sealed class SqliteCollection : ICollectionFixture<SqliteApiFactory>
{
    public const string Name = "API on SQLite";
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresApiFactory>
{
    public const string Name = "API on PostgreSQL";
}
