namespace TodoChatbot.Api.Tests.Tasks;

/// <summary>
/// Task numbers belong to the user: 1, 2, 3 … in creation order, whatever anyone else has, never
/// reused after a delete, distinct under concurrent creates, and the same numbers in the REST
/// paths, the tools and the assistant's words.
/// </summary>
public abstract class TaskNumberTests(ApiFactory factory) : ApiTestBase(factory)
{
    [Fact]
    public async Task A_new_users_first_task_is_task_1_whatever_others_already_have()
    {
        var alice = await RegisterWithTasksAsync("One", "Two", "Three");
        var bob = await RegisterAsync(UniqueEmail("bob"));

        var first = await CreateTaskAsync(bob, "Bob's first");
        var second = await CreateTaskAsync(bob, "Bob's second");

        Assert.Equal([1, 2], new[] { first.Id, second.Id });
        Assert.Equal([1, 2, 3], (await ListTasksAsync(alice)).Select(t => t.Id));
        // The same number names a different task in each list; each sees only its own.
        var bobsOne = await bob.Client.GetFromJsonAsync<TaskDto>($"{bob.Tasks}/1", Json, Cancellation);
        Assert.Equal("Bob's first", bobsOne!.Title);
        await bob.Client.PatchAsync($"{bob.Tasks}/1/complete", null, Cancellation);
        Assert.DoesNotContain(await ListTasksAsync(alice), t => t.Completed);
    }

    [Fact]
    public async Task A_deleted_number_is_never_given_again()
    {
        var user = await RegisterWithTasksAsync("One", "Two", "Three");

        Assert.Equal(HttpStatusCode.NoContent, (await user.Client.DeleteAsync($"{user.Tasks}/3", Cancellation)).StatusCode);
        Assert.Equal(4, (await CreateTaskAsync(user, "Four")).Id);
        Assert.Equal(HttpStatusCode.NoContent, (await user.Client.DeleteAsync($"{user.Tasks}/2", Cancellation)).StatusCode);
        Assert.Equal(5, (await CreateTaskAsync(user, "Five")).Id);

        Assert.Equal([1, 4, 5], (await ListTasksAsync(user)).Select(t => t.Id));
        await AssertProblemAsync(await user.Client.GetAsync($"{user.Tasks}/3", Cancellation), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Concurrent_creates_for_one_user_get_different_numbers()
    {
        var user = await RegisterAsync();
        const int creates = 24;

        var created = await Task.WhenAll(Enumerable.Range(1, creates).Select(i => Task.Run(() => CreateTaskAsync(user, $"Concurrent {i}"))));

        Assert.Equal(Enumerable.Range(1, creates), created.Select(t => t.Id).Order());
        Assert.Equal(Enumerable.Range(1, creates), (await ListTasksAsync(user)).Select(t => t.Id));
    }

    [Fact]
    public async Task The_assistant_and_the_tools_use_the_users_own_numbers()
    {
        var alice = await RegisterWithTasksAsync("Alice's task");
        var bob = await RegisterAsync(UniqueEmail("bob"));

        var added = await ChatAsync(bob, "Add a task to buy groceries");
        var completed = await ChatAsync(bob, "Mark task 1 as complete", added.ConversationId);

        Assert.Contains("task 1", added.Response, StringComparison.Ordinal);
        var call = Assert.Single(completed.ToolCalls, c => c.Name == ToolNames.CompleteTask);
        Assert.Equal(1, call.Result.GetProperty("task_id").GetInt32());
        Assert.Equal("completed", call.Result.GetProperty("status").GetString());
        Assert.True(Assert.Single(await ListTasksAsync(bob)).Completed);
        Assert.False(Assert.Single(await ListTasksAsync(alice)).Completed);

        await using var mcp = await ConnectMcpAsync(bob.Token);
        var listed = await mcp.CallToolAsync(ToolNames.ListTasks, new Dictionary<string, object?>(), cancellationToken: Cancellation);
        Assert.Contains("\"id\":1", string.Join("", listed.Content.OfType<ModelContextProtocol.Protocol.TextContentBlock>().Select(b => b.Text)), StringComparison.Ordinal);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class TaskNumberTestsOnSqlite(SqliteApiFactory factory) : TaskNumberTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class TaskNumberTestsOnPostgres(PostgresApiFactory factory) : TaskNumberTests(factory);
