namespace TodoChatbot.Api.Data;

/// <summary>A task in someone's todo list. Named TodoTask so it never collides with System.Threading.Tasks.Task.</summary>
public sealed class TodoTask
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    public bool Completed { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
