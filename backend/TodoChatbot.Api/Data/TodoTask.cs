namespace TodoChatbot.Api.Data;

/// <summary>A task in someone's todo list. Named TodoTask so it never collides with System.Threading.Tasks.Task.</summary>
public sealed class TodoTask
{
    /// <summary>The row's key, one sequence for everyone: never shown outside the database.</summary>
    public int Id { get; set; }

    public required string UserId { get; set; }

    /// <summary>
    /// The task's number in its owner's list, 1, 2, 3 … in creation order (from the owner's
    /// <see cref="TaskSequence"/>, so never reused after a delete). This is the id the API, the
    /// tools, MCP and the assistant use: <c>/api/{user_id}/tasks/{number}</c>.
    /// </summary>
    public int Number { get; set; }

    public required string Title { get; set; }
    public string? Description { get; set; }
    public bool Completed { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
