using Microsoft.EntityFrameworkCore;
using TodoChatbot.Api.Data;
using TodoChatbot.Contracts;

namespace TodoChatbot.Api.Chat;

/// <summary>One turn to store: the user's message and the assistant's reply, with the tool calls as JSON (or null).</summary>
public sealed record StoredTurn(string Message, DateTime Started, string Reply, string? ToolCalls, DateTime Finished);

/// <summary>
/// Stores a chat turn whole or not at all: the conversation (created, or its <c>updated_at</c>
/// moved on) and the turn's two messages, the user's first (the lower id), and only while the
/// account exists. A new conversation is inserted only <c>WHERE EXISTS</c> the account; an
/// existing one is updated only while it is the user's, which it stops being when the account
/// goes (conversations cascade with their account). No conversation row, no messages. PostgreSQL
/// runs it as one statement (a data-modifying <c>WITH</c>): one round trip, atomic by itself.
/// SQLite allows no <c>INSERT</c> inside <c>WITH</c>, so there the conversation statement and the
/// messages' run in one transaction. Hand-written on the context's connection, as the list is
/// (see <see cref="TodoDbContext.QueryAsync{T}"/>): it runs with every chat turn.
/// </summary>
public sealed class ConversationStore(TodoDbContext db)
{
    private const string NewConversation = $"""
        INSERT INTO conversations (user_id, title, created_at, updated_at)
        SELECT @user_id, @title, @started, @finished
        WHERE EXISTS (SELECT 1 FROM "{TodoDbContext.UsersTable}" WHERE id = @user_id)
        RETURNING id
        """;

    private const string OwnConversation = """
        UPDATE conversations SET updated_at = @finished
        WHERE id = @conversation_id AND user_id = @user_id
        RETURNING id
        """;

    /// <summary>Inserts the turn's messages into the conversation the <c>conversation</c> row names (none: no insert).</summary>
    private const string InsertMessages = $"""
        turn (position, role, content, tool_calls, created_at) AS (VALUES
            (1, '{ChatRules.UserRole}', @message, CAST(NULL AS TEXT), @started),
            (2, '{ChatRules.AssistantRole}', @reply, CAST(@tool_calls AS TEXT), @finished))
        INSERT INTO messages (user_id, conversation_id, role, content, tool_calls, created_at)
        SELECT @user_id, conversation.id, turn.role, turn.content, turn.tool_calls, turn.created_at
        FROM conversation CROSS JOIN turn
        ORDER BY turn.position
        RETURNING conversation_id
        """;

    /// <summary>PostgreSQL's one statement for each: the conversation's, then the messages' on its row.</summary>
    private const string StartWhole = $"WITH conversation AS ({NewConversation}), {InsertMessages}";
    private const string ContinueWhole = $"WITH conversation AS ({OwnConversation}), {InsertMessages}";

    /// <returns>The new conversation's id, or null when the account no longer exists.</returns>
    public Task<int?> StartAsync(string userId, string title, StoredTurn turn) =>
        SaveAsync(NewConversation, StartWhole, [.. Parameters(userId, turn), ("title", title)]);

    /// <returns>The conversation's id, or null when it is no longer the user's (or the account is gone).</returns>
    public Task<int?> ContinueAsync(int conversationId, string userId, StoredTurn turn) =>
        SaveAsync(OwnConversation, ContinueWhole, [.. Parameters(userId, turn), ("conversation_id", conversationId)]);

    private static (string Name, object? Value)[] Parameters(string userId, StoredTurn turn) =>
    [
        ("user_id", userId),
        ("message", turn.Message),
        ("started", turn.Started),
        ("reply", turn.Reply),
        ("tool_calls", turn.ToolCalls),
        ("finished", turn.Finished),
    ];

    /// <summary>
    /// Not cancellable: the tools may already have changed the user's tasks, and the turn that
    /// records their calls is stored even when the client has gone.
    /// </summary>
    private async Task<int?> SaveAsync(string conversationStatement, string wholeStatement, (string Name, object? Value)[] parameters)
    {
        if (db.Database.IsNpgsql())
            return await db.QueryAsync(wholeStatement, parameters, ReadIdAsync, CancellationToken.None);

        await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
        if (await db.QueryAsync(conversationStatement, parameters, ReadIdAsync, CancellationToken.None) is not { } id)
            return null;
        await db.QueryAsync($"WITH conversation AS (SELECT @saved_id AS id), {InsertMessages}",
            [.. parameters, ("saved_id", id)], ReadIdAsync, CancellationToken.None);
        await transaction.CommitAsync(CancellationToken.None);
        return id;
    }

    private static async Task<int?> ReadIdAsync(System.Data.Common.DbDataReader reader) =>
        await reader.ReadAsync(CancellationToken.None) ? reader.GetInt32(0) : null;
}
