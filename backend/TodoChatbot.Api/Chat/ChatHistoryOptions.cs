namespace TodoChatbot.Api.Chat;

/// <summary>
/// The <c>Chat</c> section: how much of a conversation the assistant reads each turn. Named for what
/// it holds, since <c>ChatOptions</c> is Microsoft.Extensions.AI's per-request options type.
/// </summary>
public sealed class ChatHistoryOptions
{
    public const string Section = "Chat";

    /// <summary>How many earlier messages of a conversation the assistant reads each turn.</summary>
    public int HistoryMessages { get; set; } = 20;
}
