using System.Text.Json;

namespace TodoChatbot.Api.Tests;

public abstract class HealthTests(ApiFactory factory) : ApiTestBase(factory)
{
    [Fact]
    public async Task Liveness_touches_no_dependency_and_readiness_checks_the_database()
    {
        using var client = AnonymousClient();

        var live = await client.GetAsync("/healthz", Cancellation);
        var ready = await client.GetAsync("/readyz", Cancellation);

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var liveChecks = JsonDocument.Parse(await live.Content.ReadAsStringAsync(Cancellation)).RootElement.GetProperty("checks");
        var readyChecks = JsonDocument.Parse(await ready.Content.ReadAsStringAsync(Cancellation)).RootElement.GetProperty("checks");
        Assert.Empty(liveChecks.EnumerateObject());
        Assert.Equal("Healthy", readyChecks.GetProperty("database").GetString());
        Assert.Equal("Healthy", readyChecks.GetProperty("shutdown").GetString());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class HealthTestsOnSqlite(SqliteApiFactory factory) : HealthTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class HealthTestsOnPostgres(PostgresApiFactory factory) : HealthTests(factory);
