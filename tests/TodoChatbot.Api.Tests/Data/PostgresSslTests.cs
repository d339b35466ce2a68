using Npgsql;
using TodoChatbot.Api.Data;

namespace TodoChatbot.Api.Tests.Data;

/// <summary>
/// Neon accepts only SSL connections. These connect to the test PostgreSQL server (started with
/// SSL on and a self-signed certificate) through a translated URL with sslmode=require, and run
/// the whole API configured the way a Neon user configures it: DATABASE_URL as a URL.
/// </summary>
public sealed class PostgresSslTests(PostgresSslTests.DatabaseUrlApiFactory factory)
    : ApiTestBase(factory), IClassFixture<PostgresSslTests.DatabaseUrlApiFactory>
{
    [Fact]
    public async Task A_translated_url_with_sslmode_require_connects_over_ssl()
    {
        var server = await PostgresServer.RequireSharedAsync();
        var url = $"postgresql://{PostgresServer.User}:{server.Password}@{server.Host}:{server.Port}/postgres?sslmode=require&channel_binding=require";

        await using var connection = new NpgsqlConnection(PostgresUrl.ToConnectionString(url));
        await connection.OpenAsync(Cancellation);
        await using var command = new NpgsqlCommand("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()", connection);

        Assert.True((bool)(await command.ExecuteScalarAsync(Cancellation))!);
    }

    [Fact]
    public async Task The_api_configured_with_a_database_url_works_over_ssl()
    {
        var user = await RegisterAsync();
        var task = await CreateTaskAsync(user, "Stored over SSL");

        Assert.Equal(task, Assert.Single(await ListTasksAsync(user)));
        using var anonymous = AnonymousClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/readyz", Cancellation)).StatusCode);

        // The API's pooled connections to its database are still open: every one of them uses SSL.
        var server = await PostgresServer.RequireSharedAsync();
        var database = new Uri(Factory.DatabaseSetting).AbsolutePath.Trim('/');
        await using var connection = new NpgsqlConnection(server.ConnectionString("postgres"));
        await connection.OpenAsync(Cancellation);
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FILTER (WHERE s.ssl), count(*) FROM pg_stat_activity a JOIN pg_stat_ssl s USING (pid) WHERE a.datname = @database",
            connection);
        command.Parameters.AddWithValue("database", database);
        await using var reader = await command.ExecuteReaderAsync(Cancellation);
        await reader.ReadAsync(Cancellation);
        Assert.True(reader.GetInt64(1) > 0, "the API holds no connection to its database");
        Assert.Equal(reader.GetInt64(1), reader.GetInt64(0));
    }

    /// <summary>The API given <c>DATABASE_URL=postgresql://…?sslmode=require</c>, exactly as from Neon's console.</summary>
    public sealed class DatabaseUrlApiFactory : PostgresApiFactory
    {
        protected override string DatabaseSettingKey => "DATABASE_URL";

        protected override async Task<string> CreateSettingAsync(PostgresServer server)
        {
            var database = new NpgsqlConnectionStringBuilder(await server.CreateDatabaseAsync("ssl")).Database;
            return $"postgresql://{PostgresServer.User}:{server.Password}@{server.Host}:{server.Port}/{database}?sslmode=require&channel_binding=require";
        }
    }
}
