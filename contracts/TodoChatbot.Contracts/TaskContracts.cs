using System.ComponentModel;

namespace TodoChatbot.Contracts;

/// <summary>A task as the API returns it.</summary>
public sealed record TaskDto(
    [property: Description(TaskRules.NumberDescription)] int Id,
    string Title,
    string? Description,
    bool Completed,
    DateTime CreatedAt,
    DateTime UpdatedAt);

/// <summary>Body of <c>POST /api/{user_id}/tasks</c>.</summary>
public sealed record CreateTaskRequest(string? Title, string? Description = null);

/// <summary>
/// Body of <c>PUT /api/{user_id}/tasks/{id}</c>: title and description replace the stored ones
/// (a null description clears it); <see cref="Completed"/> is left unchanged when omitted.
/// </summary>
public sealed record UpdateTaskRequest(string? Title, string? Description = null, bool? Completed = null);

/// <summary>Which of a user's tasks a list shows.</summary>
public enum TaskListFilter
{
    All,
    Pending,
    Completed,
}

/// <summary>
/// The words for <see cref="TaskListFilter"/>: what <c>?status=</c> and the <c>list_tasks</c> tool's
/// <c>status</c> accept, and what the UI sends.
/// </summary>
public static class TaskStatusFilter
{
    public const string All = "all";
    public const string Pending = "pending";
    public const string Completed = "completed";

    public static readonly IReadOnlyList<string> Values = [All, Pending, Completed];

    /// <summary>The accepted values for an error message: <c>'all', 'pending' or 'completed'</c>.</summary>
    public static string OneOf { get; } = $"'{All}', '{Pending}' or '{Completed}'";

    /// <summary>Reads all / pending / completed (any case; nothing or blank means all).</summary>
    public static bool TryParse(string? status, out TaskListFilter filter)
    {
        filter = TaskListFilter.All;
        switch (status?.Trim().ToLowerInvariant())
        {
            case null or "" or All:
                return true;
            case Pending:
                filter = TaskListFilter.Pending;
                return true;
            case Completed:
                filter = TaskListFilter.Completed;
                return true;
            default:
                return false;
        }
    }

    public static string Name(TaskListFilter filter) => filter switch
    {
        TaskListFilter.Pending => Pending,
        TaskListFilter.Completed => Completed,
        _ => All,
    };
}

/// <summary>
/// The rules a task's text must follow, shared so that the UI, the API and the chat tools
/// reject the same input with the same words. Lengths count Unicode characters (code points),
/// as PostgreSQL's <c>varchar(n)</c> does, not UTF-16 units.
/// </summary>
public static class TaskRules
{
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 1000;

    /// <summary>What a task's id is, wherever one is published (OpenAPI, MCP tool schemas).</summary>
    public const string NumberDescription =
        "The task's number in its owner's list: 1, 2, 3 … in creation order, never reused after a delete. Another user's numbers are their own.";

    /// <summary>Trims the title and returns it, or the reason it is not acceptable.</summary>
    public static string? ValidateTitle(string? title, out string normalized)
    {
        normalized = title?.Trim() ?? "";
        if (normalized.Length == 0)
            return "Title is required.";
        return TextRules.Check(normalized, "Title", TitleMaxLength, allowLineBreaks: false);
    }

    /// <summary>Trims the description (empty becomes null) and returns the reason it is not acceptable, if any.</summary>
    public static string? ValidateDescription(string? description, out string? normalized)
    {
        normalized = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
        return normalized is null ? null : TextRules.Check(normalized, "Description", DescriptionMaxLength, allowLineBreaks: true);
    }
}
