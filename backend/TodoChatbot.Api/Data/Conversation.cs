namespace TodoChatbot.Api.Data;

/// <summary>A conversation between a user and the assistant; its messages are the history the agent reads.</summary>
public sealed class Conversation
{
    public const int TitleMaxLength = 80;

    public int Id { get; set; }
    public required string UserId { get; set; }
    public required string Title { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>One message of a conversation. An assistant message keeps the tool calls made for it, as JSON.</summary>
public sealed class ConversationMessage
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public int ConversationId { get; set; }
    public Conversation? Conversation { get; set; }
    public required string Role { get; set; }
    public required string Content { get; set; }

    /// <summary><c>[{name, arguments, result}, …]</c>, or null when no tool ran.</summary>
    public string? ToolCalls { get; set; }

    public DateTime CreatedAt { get; set; }
}
