using System.Text.Json;

namespace TodoChatbot.Api.Tests.Chat;

/// <summary>
/// The language-model path without the internet: the API configured as for any OpenAI-compatible
/// provider, pointed at <see cref="FakeOpenAIServer"/>, through the real OpenAI client,
/// Microsoft.Extensions.AI's function invocation and the resilience pipeline.
/// </summary>
public sealed class LlmProviderTests(FakeProviderFactory factory) : FakeProviderTestBase(factory)
{
    [Fact]
    public async Task A_tool_call_runs_against_the_database_and_the_turn_comes_back_and_is_stored()
    {
        var user = await RegisterAsync();
        Provider.RespondWithToolCall("add_task", new { title = "Buy groceries" })
                .RespondWithText("Added “Buy groceries” to your list.");
        var before = await PrometheusText.ScrapeAsync(user.Client);

        var turn = await ChatAsync(user, "Add a task to buy groceries");

        Assert.Equal("Added “Buy groceries” to your list.", turn.Response);
        var call = Assert.Single(turn.ToolCalls);
        Assert.Equal("add_task", call.Name);
        Assert.Equal("Buy groceries", call.Arguments.GetProperty("title").GetString());
        var task = Assert.Single(await ListTasksAsync(user));
        Assert.Equal("Buy groceries", task.Title);
        Assert.Equal(task.Id, call.Result.GetProperty("task_id").GetInt32());
        Assert.Equal("created", call.Result.GetProperty("status").GetString());

        var stored = await MessagesAsync(user, turn.ConversationId);
        Assert.Equal(["user", "assistant"], stored.Select(m => m.Role));
        Assert.Equal("add_task", Assert.Single(stored[1].ToolCalls).Name);

        // What the provider was sent: the key, the model, the system prompt with today's date, the
        // user's words, and then the tool's result under the model's call id.
        Assert.All(Provider.Authorizations, header => Assert.Equal("Bearer test-key", header));
        var first = Provider.Requests[0];
        Assert.Equal("fake-model", first.GetProperty("model").GetString());
        var messages = first.GetProperty("messages").EnumerateArray().ToArray();
        Assert.Equal("system", messages[0].GetProperty("role").GetString());
        Assert.Contains(DateTime.UtcNow.ToString("yyyy", System.Globalization.CultureInfo.InvariantCulture), messages[0].GetProperty("content").ToString(), StringComparison.Ordinal);
        Assert.Equal("Add a task to buy groceries", messages[^1].GetProperty("content").ToString());
        var toolMessage = Provider.Requests[1].GetProperty("messages").EnumerateArray().Last();
        Assert.Equal("tool", toolMessage.GetProperty("role").GetString());
        Assert.Equal("call_1", toolMessage.GetProperty("tool_call_id").GetString());
        Assert.Contains("\"task_id\"", toolMessage.GetProperty("content").ToString(), StringComparison.Ordinal);

        // Two requests to the provider (the tool round and the reply), none failed, one turn answered.
        var after = await PrometheusText.ScrapeAsync(user.Client);
        Assert.Equal(before.Sum("todo_llm_calls_total", OpenAICompatible) + 2, after.Sum("todo_llm_calls_total", OpenAICompatible));
        Assert.Equal(before.Sum("todo_llm_failures_total"), after.Sum("todo_llm_failures_total"));
        Assert.Equal(before.Sum("todo_chat_turns_total", OpenAICompatible, ("outcome", "replied")) + 1, after.Sum("todo_chat_turns_total", OpenAICompatible, ("outcome", "replied")));
    }

    private static readonly (string, string) OpenAICompatible = ("provider", "openai-compatible");

    [Fact]
    public async Task The_tool_definitions_sent_match_the_contract()
    {
        var user = await RegisterAsync();
        Provider.RespondWithText("Hello!");
        await ChatAsync(user, "hi");

        var tools = Provider.Requests[0].GetProperty("tools").EnumerateArray()
            .Select(tool => tool.GetProperty("function"))
            .ToDictionary(function => function.GetProperty("name").GetString()!, function => function.GetProperty("parameters"));

        Assert.Equal(ToolNames.All.Order(), tools.Keys.Order());
        AssertParameters(tools["add_task"], required: ["title"], ("title", "string"), ("description", "string"));
        AssertParameters(tools["list_tasks"], required: [], ("status", "string"));
        AssertParameters(tools["complete_task"], required: ["task_id"], ("task_id", "integer"));
        AssertParameters(tools["delete_task"], required: ["task_id"], ("task_id", "integer"));
        AssertParameters(tools["update_task"], required: ["task_id"], ("task_id", "integer"), ("title", "string"), ("description", "string"));
    }

    [Theory]
    [InlineData("401", "credentials", "credentials_refused")]
    [InlineData("429", "too many requests", "rate_limited")]
    [InlineData("500", "having trouble", "provider_error")]
    [InlineData("garbage", "couldn't understand", "malformed_response")]
    [InlineData("slow", "took too long", "timeout")]
    [InlineData("no choices", "couldn't understand", "malformed_response")]
    [InlineData("dropped", "can't reach", "unreachable")]
    public async Task A_provider_failure_is_a_clear_reply_and_a_whole_turn_never_a_500(string failure, string expectedWords, string reason)
    {
        var user = await RegisterAsync();
        var before = await PrometheusText.ScrapeAsync(user.Client);
        _ = failure switch
        {
            "garbage" => Provider.RespondWithGarbage(),
            "slow" => Provider.RespondSlowly(TimeSpan.FromSeconds(10)),
            "no choices" => Provider.RespondWithNoChoices(),
            "dropped" => Provider.RespondThenDropConnection(),
            _ => Provider.RespondWithStatus(int.Parse(failure, System.Globalization.CultureInfo.InvariantCulture)),
        };

        var turn = await ChatAsync(user, "Add a task to buy groceries");

        Assert.Contains(expectedWords, turn.Response, StringComparison.Ordinal);
        Assert.Empty(turn.ToolCalls);
        Assert.Empty(await ListTasksAsync(user));
        var stored = await MessagesAsync(user, turn.ConversationId);
        Assert.Equal(["user", "assistant"], stored.Select(m => m.Role));
        Assert.Equal(turn.Response, stored[1].Content);
        // The operator gets one error line saying what failed, without the user's words or the key.
        var error = Assert.Single(Logs.Entries, entry => entry.Level == Microsoft.Extensions.Logging.LogLevel.Error && entry.Category.EndsWith(".ChatService", StringComparison.Ordinal));
        Assert.Contains("Language model call failed (OpenAICompatible, model fake-model)", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("test-key", error.Message, StringComparison.Ordinal);
        // The operator's dashboard counts it by its kind, and the turn as one the provider failed.
        var after = await PrometheusText.ScrapeAsync(user.Client);
        Assert.Equal(before.Sum("todo_llm_failures_total", OpenAICompatible, ("reason", reason)) + 1, after.Sum("todo_llm_failures_total", OpenAICompatible, ("reason", reason)));
        Assert.Equal(before.Sum("todo_chat_turns_total", ("outcome", "provider_failed")) + 1, after.Sum("todo_chat_turns_total", ("outcome", "provider_failed")));
    }

    [Theory]
    [InlineData("503", "having trouble")]
    [InlineData("slow", "took too long")]
    public async Task A_provider_failure_after_a_tool_ran_still_reports_that_tool(string failure, string expectedWords)
    {
        var user = await RegisterAsync();
        var provider = Provider.RespondWithToolCall("add_task", new { title = "Pay bills" });
        _ = failure == "slow" ? provider.RespondSlowly(TimeSpan.FromSeconds(10)) : provider.RespondWithStatus(503);

        var turn = await ChatAsync(user, "I need to pay bills");

        Assert.Contains(expectedWords, turn.Response, StringComparison.Ordinal);
        Assert.Equal("add_task", Assert.Single(turn.ToolCalls).Name);
        Assert.Equal("Pay bills", Assert.Single(await ListTasksAsync(user)).Title);
        Assert.Single((await MessagesAsync(user, turn.ConversationId))[1].ToolCalls);
    }

    [Theory]
    [InlineData("add_task", "{not json")]
    [InlineData("add_task", "{\"title\": 42}")]
    [InlineData("drop_database", "{}")]
    [InlineData("add_task", "{\"title\": \"\"}")]
    public async Task A_malformed_or_unknown_tool_call_harms_nothing(string name, string rawArguments)
    {
        var user = await RegisterAsync();
        Provider.RespondWithToolCallRaw(name, rawArguments).RespondWithText("Sorry, could you say that again?");

        var turn = await ChatAsync(user, "Add a task");

        Assert.Equal("Sorry, could you say that again?", turn.Response);
        Assert.Empty(await ListTasksAsync(user));
        Assert.All(turn.ToolCalls, call => Assert.True(call.Result.TryGetProperty("error", out _)));
    }

    [Fact]
    public async Task Tool_rounds_per_message_are_capped()
    {
        var user = await RegisterAsync();
        for (var round = 0; round < 10; round++)
            Provider.RespondWithToolCall("list_tasks", new { status = "all" }, $"call_{round}");

        var turn = await ChatAsync(user, "loop forever");

        Assert.InRange(turn.ToolCalls.Count, 1, 3);
        Assert.InRange(Provider.Requests.Count, 2, 4);
        Assert.False(string.IsNullOrWhiteSpace(turn.Response));
    }

    [Fact]
    public async Task The_history_sent_is_bounded_and_comes_from_the_database()
    {
        var user = await RegisterAsync();
        Provider.RespondWithText("one").RespondWithText("two").RespondWithText("three");
        var conversation = (await ChatAsync(user, "first message")).ConversationId;
        await ChatAsync(user, "second message", conversation);

        await ChatAsync(user, "third message", conversation);

        var roles = Provider.Requests[2].GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("role").GetString()).ToArray();
        var contents = Provider.Requests[2].GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("content").ToString()).ToArray();
        // system + the 3 most recent stored messages (Chat:HistoryMessages = 3) + the new message
        Assert.Equal(["system", "assistant", "user", "assistant", "user"], roles);
        Assert.Equal(["one", "second message", "two", "third message"], contents[1..]);
    }

    [Fact]
    public async Task A_deleted_accounts_turn_is_401_before_the_model_is_called()
    {
        var user = await RegisterAsync();
        await DeleteAccountAsync(user);
        Provider.RespondWithText("Hello!");
        var before = await RowCountsAsync();

        var response = await user.Client.PostAsJsonAsync($"/api/{user.Id}/chat", new ChatRequest(null, "hi"), Json, Cancellation);

        await AssertAccountGoneAsync(response);
        Assert.Empty(Provider.Requests);
        Assert.Equal(before, await RowCountsAsync());
    }

    [Fact]
    public async Task An_account_deleted_while_the_model_answers_gets_401_and_its_turn_is_not_stored()
    {
        var user = await RegisterAsync();
        RowCounts? afterDeletion = null;
        Provider.RespondWithTextAfter(async () =>
        {
            await DeleteAccountAsync(user);
            afterDeletion = await RowCountsAsync();
        }, "Hello!");

        var response = await user.Client.PostAsJsonAsync($"/api/{user.Id}/chat", new ChatRequest(null, "hi"), Json, Cancellation);

        await AssertAccountGoneAsync(response);
        Assert.Single(Provider.Requests);
        Assert.Equal(afterDeletion, await RowCountsAsync());
    }

    private static void AssertParameters(JsonElement schema, string[] required, params (string Name, string Type)[] properties)
    {
        Assert.Equal("object", schema.GetProperty("type").GetString());
        var actual = schema.GetProperty("properties").EnumerateObject().ToDictionary(p => p.Name, p => p.Value);
        Assert.Equal(properties.Select(p => p.Name).Order(), actual.Keys.Order());
        foreach (var (name, type) in properties)
            Assert.Contains(type, actual[name].GetProperty("type").ToString(), StringComparison.Ordinal);
        var actualRequired = schema.TryGetProperty("required", out var list) ? list.EnumerateArray().Select(r => r.GetString()!).ToArray() : [];
        Assert.Equal(required.Order(), actualRequired.Order());
        // No tool lets the model name a user: the user is bound from the token.
        Assert.DoesNotContain(actual.Keys, key => key.Contains("user", StringComparison.OrdinalIgnoreCase));
    }
}
