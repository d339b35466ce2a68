using System.Net.Http.Headers;
using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace TodoChatbot.Api.Tests.Security;

/// <summary>
/// The MCP endpoint attacked by a signed-in attacker through the SDK's real client: the victim's
/// task ids given to every tool that takes one, and a forged <c>user_id</c> (or <c>userId</c>, or
/// <c>sub</c>) argument slipped into every tool call. The tools take no user, so the answer is
/// always "not found" or the attacker's own (empty) list; the victim's rows never change.
/// </summary>
public abstract class McpAttackTests(ApiFactory factory) : ApiTestBase(factory)
{
    public static TheoryData<string> ToolsTakingATaskId => new() { "complete_task", "delete_task", "update_task" };

    public static TheoryData<string> AllTools => new() { "add_task", "list_tasks", "complete_task", "delete_task", "update_task" };

    public static TheoryData<string> ForgedUserArguments => new() { "user_id", "userId", "sub" };

    [Theory]
    [MemberData(nameof(ToolsTakingATaskId))]
    public Task The_victims_task_id_is_not_found(string tool) => AttackAsync(async (_, attacker, task) =>
    {
        await using var client = await ConnectMcpAsync(attacker.Token);

        var result = await client.CallToolAsync(tool, new Dictionary<string, object?>
        {
            ["task_id"] = task.Id,
            ["title"] = "Changed by the attacker",
        }, cancellationToken: Cancellation);

        Assert.True(result.IsError, $"{tool} on the victim's task did not fail");
        var text = Text(result);
        Assert.Contains("not_found", text, StringComparison.Ordinal);
        Assert.DoesNotContain(task.Title, text, StringComparison.Ordinal);
    });

    [Theory]
    [MemberData(nameof(AllTools))]
    public Task A_forged_user_argument_is_ignored_and_the_tool_acts_for_the_token_only(string tool) => AttackAsync(async (victim, attacker, task) =>
    {
        await using var client = await ConnectMcpAsync(attacker.Token);

        foreach (var forged in ForgedUserArguments.Select(row => row.Data))
        {
            var result = await client.CallToolAsync(tool, new Dictionary<string, object?>
            {
                [forged] = victim.Id,
                ["task_id"] = task.Id,
                ["title"] = $"Planted via {forged}",
                ["status"] = "all",
            }, cancellationToken: Cancellation);
            Assert.DoesNotContain(task.Title, Text(result), StringComparison.Ordinal);
        }

        // Whatever add_task created belongs to the attacker.
        Assert.All(await ListTasksAsync(attacker), t => Assert.StartsWith("Planted via", t.Title, StringComparison.Ordinal));
    });

    [Fact]
    public Task The_victims_token_cannot_be_replaced_by_a_header_or_a_query_parameter() => AttackAsync(async (victim, attacker, task) =>
    {
        using var http = ClientWithToken(attacker.Token);
        http.DefaultRequestHeaders.Add("X-User-Id", victim.Id);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/mcp?user_id={victim.Id}")
        {
            Content = new StringContent(
                """{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"delete_task","arguments":{"task_id":""" + task.Id + "}}}",
                System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Accept.ParseAdd("text/event-stream");

        var response = await http.SendAsync(request, Cancellation);

        var body = await response.Content.ReadAsStringAsync(Cancellation);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("not_found", body, StringComparison.Ordinal);
    });

    /// <summary>
    /// Registers a victim with one task and an attacker, runs <paramref name="attack"/>, and asserts
    /// that everything the victim sees is as it was before.
    /// </summary>
    private async Task AttackAsync(Func<TestUser, TestUser, TaskDto, Task> attack)
    {
        var victim = await RegisterAsync(UniqueEmail("victim"));
        var attacker = await RegisterAsync(UniqueEmail("attacker"));
        var task = await CreateTaskAsync(victim, $"Victim secret {Guid.NewGuid():N}");
        var before = await EverythingSeenByAsync(victim);

        await attack(victim, attacker, task);

        Assert.Equal(before, await EverythingSeenByAsync(victim));
    }

    private static string Text(CallToolResult result) =>
        string.Concat(result.Content.OfType<TextContentBlock>().Select(block => block.Text)) + JsonSerializer.Serialize(result.StructuredContent);
}

[Collection(SqliteCollection.Name)]
public sealed class McpAttackTestsOnSqlite(SqliteApiFactory factory) : McpAttackTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class McpAttackTestsOnPostgres(PostgresApiFactory factory) : McpAttackTests(factory);
