using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TodoChatbot.Api.Data;

namespace TodoChatbot.Api.Tests.Chat;

/// <summary>
/// How the offline assistant's turn is stored, on both databases: the conversation and both
/// messages whole or not at all, and only while the account exists (the chat route then skips the
/// token check's lookup, so this is the account check).
/// </summary>
public abstract class TurnStorageTests(ApiFactory factory) : ApiTestBase(factory)
{
    public static TheoryData<string> Messages => new()
    {
        "add a task to plant a flag",
        "What's pending?",
        "delete task 1",
        "mark task 1 as complete",
        "hello",
    };

    [Fact]
    public async Task Deleting_an_account_deletes_its_tasks_conversations_and_messages_and_nobody_elses()
    {
        var user = await RegisterAsync();
        var other = await RegisterAsync();
        foreach (var someone in new[] { user, other })
        {
            await CreateTaskAsync(someone, "Water the plants");
            await ChatAsync(someone, "add a task to plant a flag");
        }

        await DeleteAccountAsync(user);

        var left = await UsingDatabaseAsync(async db => (
            Tasks: await db.Tasks.CountAsync(t => t.UserId == user.Id, Cancellation),
            Conversations: await db.Conversations.CountAsync(c => c.UserId == user.Id, Cancellation),
            Messages: await db.Messages.CountAsync(m => m.UserId == user.Id, Cancellation),
            OthersTasks: await db.Tasks.CountAsync(t => t.UserId == other.Id, Cancellation),
            OthersMessages: await db.Messages.CountAsync(m => m.UserId == other.Id, Cancellation)));
        Assert.Equal((0, 0, 0, 2, 2), left);
    }

    [Theory]
    [MemberData(nameof(Messages))]
    public async Task A_deleted_accounts_turn_is_the_same_401_and_stores_and_changes_nothing(string message)
    {
        var user = await RegisterWithTasksAsync("Water the plants");
        var conversation = (await ChatAsync(user, "show my tasks")).ConversationId;
        await DeleteAccountAsync(user);
        var before = await RowCountsAsync();

        var newConversation = await user.Client.PostAsJsonAsync($"/api/{user.Id}/chat", new ChatRequest(null, message), Json, Cancellation);
        var sameConversation = await user.Client.PostAsJsonAsync($"/api/{user.Id}/chat", new ChatRequest(conversation, message), Json, Cancellation);

        await AssertAccountGoneAsync(newConversation);
        await AssertAccountGoneAsync(sameConversation);
        Assert.Equal(before, await RowCountsAsync());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_turn_whose_last_row_fails_stores_nothing_of_itself(bool continuing)
    {
        var user = await RegisterAsync();
        int? conversation = continuing ? (await ChatAsync(user, "hello")).ConversationId : null;
        var conversationsBefore = await ConversationsAsync(user);
        var before = await RowCountsAsync();

        await using (await RefuseAssistantMessagesOfAsync(user))
        {
            var response = await user.Client.PostAsJsonAsync($"/api/{user.Id}/chat", new ChatRequest(conversation, "what's the weather like?"), Json, Cancellation);
            await AssertProblemAsync(response, HttpStatusCode.InternalServerError);
        }

        // Neither the conversation, nor its new updated_at, nor the user's message (written before the refused one).
        Assert.Equal(before, await RowCountsAsync());
        Assert.Equal(conversationsBefore, await ConversationsAsync(user));
        if (conversation is { } id)
            Assert.Equal(2, (await MessagesAsync(user, id)).Length);
    }

    [Fact]
    public async Task A_continued_turn_moves_the_conversation_on_and_appends_both_messages_in_order()
    {
        var user = await RegisterAsync();
        var first = await ChatAsync(user, "Add a task to buy groceries");
        var started = Assert.Single(await ConversationsAsync(user));

        var second = await ChatAsync(user, "What's pending?", first.ConversationId);

        Assert.Equal(first.ConversationId, second.ConversationId);
        var moved = Assert.Single(await ConversationsAsync(user));
        Assert.Equal((started.Id, started.Title, started.CreatedAt), (moved.Id, moved.Title, moved.CreatedAt));
        Assert.True(moved.UpdatedAt > started.UpdatedAt, $"updated_at {moved.UpdatedAt:O} after {started.UpdatedAt:O}");
        var messages = await MessagesAsync(user, first.ConversationId);
        Assert.Equal(["user", "assistant", "user", "assistant"], messages.Select(m => m.Role));
        Assert.Equal(["Add a task to buy groceries", first.Response, "What's pending?", second.Response], messages.Select(m => m.Content));
        Assert.Equal(ToolNames.ListTasks, Assert.Single(messages[3].ToolCalls).Name);
        Assert.True(messages[2].CreatedAt <= messages[3].CreatedAt);
        Assert.Equal(moved.UpdatedAt, messages[3].CreatedAt);
    }

    private async Task<ConversationDto[]> ConversationsAsync(TestUser user) =>
        (await user.Client.GetFromJsonAsync<ConversationDto[]>($"/api/{user.Id}/conversations", Json, Cancellation))!;

    /// <summary>
    /// A trigger that fails the insert of this user's assistant messages (the turn's last row),
    /// dropped again when disposed. Other users' turns are untouched.
    /// </summary>
    private async Task<IAsyncDisposable> RefuseAssistantMessagesOfAsync(TestUser user)
    {
        var postgres = await UsingDatabaseAsync(db => Task.FromResult(db.Database.IsNpgsql()));
        // The id is the service's own (a GUID), not free text.
        var create = postgres
            ? $"""
              CREATE FUNCTION refuse_assistant_message() RETURNS trigger LANGUAGE plpgsql AS $$
              BEGIN
                  IF NEW.role = 'assistant' AND NEW.user_id = '{user.Id}' THEN RAISE EXCEPTION 'refused by the test'; END IF;
                  RETURN NEW;
              END $$;
              CREATE TRIGGER refuse_assistant_message BEFORE INSERT ON messages FOR EACH ROW EXECUTE FUNCTION refuse_assistant_message();
              """
            : $"""
              CREATE TRIGGER refuse_assistant_message BEFORE INSERT ON messages
              WHEN NEW.role = 'assistant' AND NEW.user_id = '{user.Id}'
              BEGIN SELECT RAISE(ABORT, 'refused by the test'); END;
              """;
        var drop = postgres
            ? "DROP TRIGGER refuse_assistant_message ON messages; DROP FUNCTION refuse_assistant_message();"
            : "DROP TRIGGER refuse_assistant_message;";
        Assert.True(Guid.TryParse(user.Id, out _));
        await UsingDatabaseAsync(db => db.Database.ExecuteSqlRawAsync(create, Cancellation));
        return new Undo(() => UsingDatabaseAsync(db => db.Database.ExecuteSqlRawAsync(drop, Cancellation)));
    }

    private async Task<T> UsingDatabaseAsync<T>(Func<TodoDbContext, Task<T>> work)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TodoDbContext>());
    }

    private sealed class Undo(Func<Task> undo) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await undo();
    }
}

[Collection(SqliteCollection.Name)]
public sealed class TurnStorageTestsOnSqlite(SqliteApiFactory factory) : TurnStorageTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class TurnStorageTestsOnPostgres(PostgresApiFactory factory) : TurnStorageTests(factory);
