namespace TodoChatbot.Api.Chat.Offline;

/// <summary>What a person asked the offline assistant for.</summary>
public abstract record OfflineCommand;

public sealed record AddCommand(string Title, string? Description) : OfflineCommand;

/// <summary><paramref name="Status"/> is all, pending or completed.</summary>
public sealed record ListCommand(string Status) : OfflineCommand;

public sealed record CompleteCommand(TaskReference Task) : OfflineCommand;

public sealed record DeleteCommand(TaskReference Task) : OfflineCommand;

/// <summary>A new title, a new description, or both.</summary>
public sealed record UpdateCommand(TaskReference Task, string? NewTitle, string? NewDescription) : OfflineCommand;

/// <summary>Anything not understood; a greeting or a thank-you gets a friendlier opening.</summary>
public sealed record HelpCommand(string? Opening = null) : OfflineCommand
{
    public const string Hello = "Hi! ";
    public const string Welcome = "You're welcome! ";
}

/// <summary>A request understood well enough to know what is missing: the assistant asks.</summary>
public sealed record AskCommand(string Question) : OfflineCommand;

/// <summary>A request about several tasks at once ("delete all tasks"), which the tools do one at a time.</summary>
public sealed record BulkCommand : OfflineCommand;

/// <summary>A task named by number ("task 3", "#3") or by words of its title ("the meeting task").</summary>
public sealed record TaskReference(int? Id, string? Words)
{
    public bool IsEmpty => Id is null && string.IsNullOrWhiteSpace(Words);

    /// <summary>How a reply names what the person referred to.</summary>
    public string Describe() => Id is { } id ? $"task {id}" : $"“{Words}”";
}
