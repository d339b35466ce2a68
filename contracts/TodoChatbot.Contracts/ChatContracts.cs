using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TodoChatbot.Contracts;

/// <summary>Body of <c>POST /api/{user_id}/chat</c>. No conversation id starts a new conversation.</summary>
public sealed record ChatRequest(int? ConversationId, string? Message);

/// <summary>One tool the assistant ran for a turn: its name, the arguments it was given, and what it returned.</summary>
public sealed record ToolCallDto(string Name, JsonElement Arguments, JsonElement Result);

/// <summary>Answer of <c>POST /api/{user_id}/chat</c>.</summary>
public sealed record ChatTurnResponse(int ConversationId, string Response, IReadOnlyList<ToolCallDto> ToolCalls);

/// <summary>A conversation in the list (<c>GET /api/{user_id}/conversations</c>); the title comes from its first message.</summary>
public sealed record ConversationDto(int Id, string Title, DateTime CreatedAt, DateTime UpdatedAt);

/// <summary>A stored message (<c>GET /api/{user_id}/conversations/{id}/messages</c>).</summary>
public sealed record MessageDto(int Id, string Role, string Content, IReadOnlyList<ToolCallDto> ToolCalls, DateTime CreatedAt);

public static class ChatRules
{
    /// <summary>Longest message a person may send, in characters.</summary>
    public const int MessageMaxLength = 2000;

    public const string UserRole = "user";
    public const string AssistantRole = "assistant";

    /// <summary>Trims the message and returns it, or the reason it cannot be sent.</summary>
    public static string? ValidateMessage(string? message, out string normalized)
    {
        normalized = message?.Trim() ?? "";
        return normalized.Length == 0
            ? "Message is required."
            : TextRules.Check(normalized, "Message", MessageMaxLength, allowLineBreaks: true);
    }
}

// The five tools' result shapes, exactly as the specification gives them. Property names are fixed
// here rather than left to a serializer's naming policy, because the chat agent and the MCP server
// serialize them with different settings.

/// <summary>Result of add_task, complete_task, delete_task and update_task.</summary>
public sealed record TaskActionResult(
    [property: JsonPropertyName("task_id")] int TaskId,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("title")] string Title);

/// <summary>One entry of list_tasks' result.</summary>
public sealed record TaskSummary(
    [property: JsonPropertyName("id")] int Id,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("completed")] bool Completed);

/// <summary>
/// What a tool returns when it cannot do what was asked: <c>{error}</c>, plus <c>code: "not_found"</c>
/// when the task does not exist in the user's list (so callers need not parse the wording).
/// </summary>
public sealed record ToolError(
    [property: JsonPropertyName("error")] string Error,
    [property: JsonPropertyName("code"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Code = null)
{
    public const string NotFoundCode = "not_found";

    /// <summary>An argument is missing or of the wrong type (MCP clients; the chat agent's model gets the same words).</summary>
    public const string InvalidArgumentCode = "invalid_argument";

    /// <summary>
    /// The one test of "did this tool call fail?": a result is an error exactly when it is an object
    /// with an <c>error</c> string. Every reader of tool results (the MCP server, the offline
    /// assistant, the chat UI) asks here.
    /// </summary>
    public static bool TryRead(JsonElement result, [NotNullWhen(true)] out ToolError? error)
    {
        error = result.ValueKind == JsonValueKind.Object
            && result.TryGetProperty("error", out var message) && message.ValueKind == JsonValueKind.String
            ? new ToolError(message.GetString()!,
                result.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String ? code.GetString() : null)
            : null;
        return error is not null;
    }
}

/// <summary>The tool names, as the specification and the MCP server expose them.</summary>
public static class ToolNames
{
    public const string AddTask = "add_task";
    public const string ListTasks = "list_tasks";
    public const string CompleteTask = "complete_task";
    public const string DeleteTask = "delete_task";
    public const string UpdateTask = "update_task";

    public static readonly IReadOnlyList<string> All = [AddTask, ListTasks, CompleteTask, DeleteTask, UpdateTask];
}
