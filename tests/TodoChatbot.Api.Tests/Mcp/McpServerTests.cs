using System.Net.Http.Headers;
using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace TodoChatbot.Api.Tests.Mcp;

/// <summary>The MCP endpoint, driven by the SDK's real MCP client over HTTP (Streamable HTTP).</summary>
public abstract class McpServerTests(ApiFactory factory) : ApiTestBase(factory)
{
    [Fact]
    public async Task The_five_tools_are_listed_with_the_contracts_names_and_schemas()
    {
        var user = await RegisterAsync();
        await using var client = await ConnectMcpAsync(user.Token);

        var tools = await client.ListToolsAsync(cancellationToken: Cancellation);

        Assert.Equal(ToolNames.All.Order(), tools.Select(tool => tool.Name).Order());
        var schemas = tools.ToDictionary(tool => tool.Name, tool => tool.JsonSchema);
        Assert.Equal(["title"], Required(schemas["add_task"]));
        Assert.Equal(["task_id"], Required(schemas["complete_task"]));
        Assert.Equal("integer", schemas["delete_task"].GetProperty("properties").GetProperty("task_id").GetProperty("type").GetString());
        Assert.True(schemas["update_task"].GetProperty("properties").TryGetProperty("description", out _));
        Assert.All(tools, tool => Assert.False(string.IsNullOrWhiteSpace(tool.Description)));
    }

    [Fact]
    public async Task Each_tool_works_on_the_token_users_list()
    {
        var user = await RegisterAsync();
        var other = await RegisterAsync(UniqueEmail("other"));
        // Task numbers are per user: the other's task 2 is a number this user does not have.
        await CreateTaskAsync(other, "Not yours");
        var othersTask = await CreateTaskAsync(other, "Not yours either");
        await using var client = await ConnectMcpAsync(user.Token);

        var added = await CallAsync(client, "add_task", new() { ["title"] = "Buy groceries", ["description"] = "milk" });
        var id = added.GetProperty("task_id").GetInt32();
        Assert.Equal("created", added.GetProperty("status").GetString());

        var listed = await CallAsync(client, "list_tasks", new() { ["status"] = "pending" });
        Assert.Equal(id, Assert.Single(listed.EnumerateArray()).GetProperty("id").GetInt32());

        var updated = await CallAsync(client, "update_task", new() { ["task_id"] = id, ["title"] = "Buy bread" });
        Assert.Equal(("updated", "Buy bread"), (updated.GetProperty("status").GetString(), updated.GetProperty("title").GetString()));

        var completed = await CallAsync(client, "complete_task", new() { ["task_id"] = id });
        Assert.Equal("completed", completed.GetProperty("status").GetString());
        Assert.True((await ListTasksAsync(user)).Single().Completed);

        var notYours = await client.CallToolAsync("delete_task", new Dictionary<string, object?> { ["task_id"] = othersTask.Id }, cancellationToken: Cancellation);
        Assert.True(notYours.IsError, "a failed tool call must carry MCP's isError flag");
        Assert.Contains("not_found", Assert.IsType<TextContentBlock>(Assert.Single(notYours.Content)).Text, StringComparison.Ordinal);
        Assert.Equal(2, (await ListTasksAsync(other)).Length);

        var deleted = await CallAsync(client, "delete_task", new() { ["task_id"] = id });
        Assert.Equal("deleted", deleted.GetProperty("status").GetString());
        Assert.Empty(await ListTasksAsync(user));
    }

    [Fact]
    public async Task Invalid_arguments_are_refused_with_a_reason()
    {
        var user = await RegisterAsync();
        await using var client = await ConnectMcpAsync(user.Token);

        var blank = await CallAsync(client, "add_task", new() { ["title"] = "   " });
        var badStatus = await CallAsync(client, "list_tasks", new() { ["status"] = "someday" });

        Assert.Equal("Title is required.", blank.GetProperty("error").GetString());
        Assert.Contains("pending", badStatus.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Empty(await ListTasksAsync(user));
    }

    [Fact]
    public async Task Results_come_as_structured_content_matching_each_tools_output_schema()
    {
        var user = await RegisterAsync();
        await using var client = await ConnectMcpAsync(user.Token);
        var schemas = (await client.ListToolsAsync(cancellationToken: Cancellation)).ToDictionary(t => t.Name, t => t.ProtocolTool.OutputSchema);

        var added = await client.CallToolAsync("add_task", new Dictionary<string, object?> { ["title"] = "Buy groceries" }, cancellationToken: Cancellation);
        var listed = await client.CallToolAsync("list_tasks", new Dictionary<string, object?>(), cancellationToken: Cancellation);
        var missing = await client.CallToolAsync("complete_task", new Dictionary<string, object?> { ["task_id"] = 99 }, cancellationToken: Cancellation);

        Assert.Equal(["status", "task_id", "title"], Required(schemas["add_task"]!.Value).Order());
        // list_tasks' result is an array: in its natural shape from protocol 2026-07-28 on (which
        // this client speaks), inside {"result": …} for older clients, where MCP wants an object
        // (the TypeScript client's test sees that form).
        Assert.True(client.NegotiatedProtocolVersion is not null && string.CompareOrdinal(client.NegotiatedProtocolVersion, "2026-07-28") >= 0, client.NegotiatedProtocolVersion);
        Assert.Equal("array", schemas["list_tasks"]!.Value.GetProperty("type").GetString());
        Assert.Equal(1, added.StructuredContent!.Value.GetProperty("task_id").GetInt32());
        Assert.Equal("created", added.StructuredContent!.Value.GetProperty("status").GetString());
        // Older clients read the same result as text.
        Assert.Equal(added.StructuredContent!.Value.GetRawText(), Assert.IsType<TextContentBlock>(Assert.Single(added.Content)).Text);
        var entry = Assert.Single(listed.StructuredContent!.Value.EnumerateArray());
        Assert.Equal((1, "Buy groceries", false), (entry.GetProperty("id").GetInt32(), entry.GetProperty("title").GetString(), entry.GetProperty("completed").GetBoolean()));
        // A failure is content with isError, and carries no structured content (declared for results).
        Assert.True(missing.IsError);
        Assert.Null(missing.StructuredContent);
    }

    [Theory]
    [InlineData("complete_task", """{"task_id":"abc"}""", "task_id must be a whole number (a task number such as 3), not \"abc\".")]
    [InlineData("delete_task", """{"task_id":2.5}""", "task_id must be a whole number (a task number such as 3), not the number 2.5.")]
    [InlineData("update_task", """{"task_id":1,"title":7}""", "title must be text (or left out), not the number 7.")]
    [InlineData("add_task", """{"description":"milk"}""", "title is required.")]
    [InlineData("complete_task", """{}""", "task_id is required.")]
    public async Task A_missing_or_mistyped_argument_is_named_with_what_is_expected(string tool, string arguments, string error)
    {
        var user = await RegisterWithTasksAsync("Keep me");
        await using var client = await ConnectMcpAsync(user.Token);

        var result = await client.CallToolAsync(tool, JsonSerializer.Deserialize<Dictionary<string, object?>>(arguments), cancellationToken: Cancellation);

        // Refused before the tool runs: the binder's exception (a generic "An error occurred
        // invoking …", logged as unhandled) is never reached.
        Assert.True(result.IsError);
        var body = JsonDocument.Parse(Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text).RootElement;
        Assert.Equal(error, body.GetProperty("error").GetString());
        Assert.Equal(ToolError.InvalidArgumentCode, body.GetProperty("code").GetString());
        Assert.Equal("Keep me", Assert.Single(await ListTasksAsync(user)).Title);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-token")]
    public async Task Without_a_valid_token_the_endpoint_refuses(string? token)
    {
        var exception = await Record.ExceptionAsync(async () =>
        {
            await using var client = await ConnectMcpAsync(token);
            await client.ListToolsAsync(cancellationToken: Cancellation);
        });
        Assert.NotNull(exception);
        Assert.Contains("401", exception.ToString(), StringComparison.Ordinal);

        using var raw = AnonymousClient();
        var response = await raw.PostAsync("/mcp", new StringContent("""{"jsonrpc":"2.0","id":1,"method":"tools/list"}""", System.Text.Encoding.UTF8, "application/json"), Cancellation);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }


    private static async Task<JsonElement> CallAsync(McpClient client, string tool, Dictionary<string, object?> arguments)
    {
        var result = await client.CallToolAsync(tool, arguments, cancellationToken: Cancellation);
        var text = Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text;
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static string[] Required(JsonElement schema) =>
        schema.TryGetProperty("required", out var required) ? required.EnumerateArray().Select(r => r.GetString()!).ToArray() : [];
}

[Collection(SqliteCollection.Name)]
public sealed class McpServerTestsOnSqlite(SqliteApiFactory factory) : McpServerTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class McpServerTestsOnPostgres(PostgresApiFactory factory) : McpServerTests(factory);
