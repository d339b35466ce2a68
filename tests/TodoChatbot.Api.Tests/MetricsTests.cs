namespace TodoChatbot.Api.Tests;

/// <summary>
/// <c>/metrics</c> as Prometheus scrapes it: the framework's request and runtime metrics, the
/// chat's own, the database pool's on PostgreSQL, and never a user's id, email or words in a label.
/// </summary>
public abstract class MetricsTests(ApiFactory factory) : ApiTestBase(factory)
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Metrics_are_served_in_the_prometheus_format_with_the_runtime_and_the_service_name()
    {
        using var client = AnonymousClient();

        var page = await PrometheusText.ScrapeAsync(client);

        Assert.Contains("# TYPE http_server_request_duration_seconds histogram", page.Text, StringComparison.Ordinal);
        Assert.Equal(1, page.Sum("target_info", ("service_name", "TodoChatbot.Api")));
        Assert.True(page.Sum("dotnet_process_cpu_time_seconds_total") > 0, "no .NET runtime metrics");
    }

    [Fact]
    public async Task Request_metrics_move_per_route_template_method_and_status()
    {
        var user = await RegisterAsync();
        (string, string)[] listed = [("http_route", "/api/{user_id}/tasks/"), ("http_request_method", "GET"), ("http_response_status_code", "200")];
        (string, string)[] missing = [("http_route", "/api/{user_id}/tasks/{id:int}"), ("http_response_status_code", "404")];
        var before = await PrometheusText.ScrapeAsync(user.Client);

        for (var i = 0; i < 3; i++)
            await ListTasksAsync(user);
        Assert.Equal(HttpStatusCode.NotFound, (await user.Client.GetAsync($"{user.Tasks}/4711", Cancellation)).StatusCode);

        await ExpectIncreaseAsync(user.Client, before, "http_server_request_duration_seconds_count", 3, listed);
        var after = await ExpectIncreaseAsync(user.Client, before, "http_server_request_duration_seconds_count", 1, missing);
        // Scrapes and probes are not requests anyone made: they stay out of the request metrics.
        await user.Client.GetAsync("/readyz", Cancellation);
        Assert.DoesNotContain(after.Samples, sample => sample.Name.StartsWith("http_server_request_duration", StringComparison.Ordinal)
            && sample.Labels.TryGetValue("http_route", out var route) && route is "/metrics" or "/readyz" or "/healthz");
    }

    [Fact]
    public async Task Chat_turns_tool_calls_and_offline_answers_are_counted_by_closed_labels()
    {
        var user = await RegisterAsync();
        (string, string)[] turns = [("provider", "offline"), ("outcome", "replied")];
        (string, string)[] added = [("tool", "add_task"), ("outcome", "succeeded")];
        (string, string)[] notFound = [("tool", "complete_task"), ("outcome", "not_found")];
        var before = await PrometheusText.ScrapeAsync(user.Client);

        await ChatAsync(user, "Add a task to buy groceries");
        await ChatAsync(user, "Mark task 4711 as complete");
        await ChatAsync(user, "what is the meaning of life");

        await ExpectIncreaseAsync(user.Client, before, "todo_chat_turns_total", 3, turns);
        await ExpectIncreaseAsync(user.Client, before, "todo_chat_tool_calls_total", 1, added);
        await ExpectIncreaseAsync(user.Client, before, "todo_chat_tool_calls_total", 1, notFound);
        foreach (var command in new[] { "add", "complete", "help" })
            await ExpectIncreaseAsync(user.Client, before, "todo_offline_answers_total", 1, ("command", command));
    }

    [Fact]
    public async Task No_label_holds_a_user_id_an_email_a_token_or_message_text()
    {
        var canary = $"canary{Guid.NewGuid():N}";
        var user = await RegisterAsync(email: $"{canary}.person@example.com");
        var words = $"Add a task to water the {canary} orchids";
        await ChatAsync(user, words);
        await user.Client.GetAsync($"{user.Tasks}?status=pending", Cancellation);
        await user.Client.GetAsync($"/api/{user.Id}/conversations", Cancellation);

        // The user's own route is in the page (so the scan below reads labels that come from their requests)...
        var page = await PrometheusText.ScrapeUntilAsync(user.Client, "http_server_request_duration_seconds_count", 1, Within,
            ("http_route", "/api/{user_id}/conversations"));

        // ...and nothing of theirs is.
        foreach (var personal in new[] { canary, user.Email, user.Id, user.Token, words, "orchids" })
            Assert.DoesNotContain(personal, page.Text, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Waits until a counter has grown by <paramref name="by"/> since <paramref name="before"/> (a
    /// request is measured as it completes, which can be just after its client has the answer),
    /// then asserts it grew by exactly that: this host counts its own requests only, even with the
    /// other API hosts this test process runs (TelemetryExtensions drops their meters).
    /// </summary>
    private static async Task<PrometheusText> ExpectIncreaseAsync(HttpClient client, PrometheusText before, string name, int by, params (string Label, string Value)[] labels)
    {
        var expected = before.Sum(name, labels) + by;
        var after = await PrometheusText.ScrapeUntilAsync(client, name, expected, Within, labels);
        Assert.Equal(expected, after.Sum(name, labels));
        return after;
    }
}

[Collection(SqliteCollection.Name)]
public sealed class MetricsTestsOnSqlite(SqliteApiFactory factory) : MetricsTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class MetricsTestsOnPostgres(PostgresApiFactory factory) : MetricsTests(factory)
{
    [Fact]
    public async Task The_database_connection_pool_and_commands_are_measured()
    {
        var user = await RegisterAsync();
        await ListTasksAsync(user);

        var page = await PrometheusText.ScrapeAsync(user.Client);

        var pool = page.Samples.Where(sample => sample.Name.StartsWith("db_client_connection_count", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(pool);
        Assert.Contains(pool, sample => sample.Labels.TryGetValue("db_client_connection_state", out var state) && state == "idle");
        Assert.True(page.Sum("db_client_operation_duration_seconds_count", ("db_system_name", "postgresql")) > 0, "no database command was measured");
    }
}
