namespace TodoChatbot.Api.Data;

/// <summary>
/// The last task number a user was given. A row of its own, not a column of the user: Identity
/// writes the whole user row back on sign-in failures and profile changes, which would put a stale
/// count back under a concurrent create.
/// </summary>
public sealed class TaskSequence
{
    public required string UserId { get; set; }
    public int LastNumber { get; set; }
}
