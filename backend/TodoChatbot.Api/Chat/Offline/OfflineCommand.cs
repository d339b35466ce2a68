namespace TodoChatbot.Api.Chat.Offline;

/// <summary>
/// What a person asked the offline assistant for, as <see cref="CommandParser"/> understood it.
/// Commands carry what was understood, never wording: <see cref="OfflinePlanner"/> words every reply.
/// </summary>
public abstract record OfflineCommand;

public sealed record AddCommand(string Title, string? Description) : OfflineCommand;

/// <summary><paramref name="Status"/> is a <see cref="TodoChatbot.Contracts.TaskStatusFilter"/> value.</summary>
public sealed record ListCommand(string Status) : OfflineCommand;

public sealed record CompleteCommand(TaskReference Task) : OfflineCommand;

public sealed record DeleteCommand(TaskReference Task) : OfflineCommand;

/// <summary>A new title, a new description, or both.</summary>
public sealed record UpdateCommand(TaskReference Task, string? NewTitle, string? NewDescription) : OfflineCommand;

/// <summary>Anything not understood; a greeting or a thank-you is answered in kind before the help text.</summary>
public sealed record HelpCommand(Courtesy Courtesy = Courtesy.None) : OfflineCommand;

public enum Courtesy
{
    None,
    Greeting,
    Thanks,
}

/// <summary>A request about several tasks at once ("delete all tasks"), which the tools do one at a time.</summary>
public sealed record BulkCommand : OfflineCommand;

/// <summary>Understood well enough to know what is missing or unsure: the assistant asks instead of acting.</summary>
public abstract record Question : OfflineCommand;

/// <summary>"add a task" without saying what the task is.</summary>
public sealed record TitleMissing : Question;

/// <summary>"rename task 2", "update task 3:" without the new title.</summary>
public sealed record NewTitleMissing(TaskReference Task) : Question;

/// <summary>
/// A reading that is only likely, put to the person before anything changes: "task 3: buy bread"
/// (a rename?), "I don't need the groceries anymore" (a delete?).
/// </summary>
public sealed record Proposal(OfflineCommand Command) : Question;

/// <summary>A command word two letters away from what was typed: the corrected message, to be confirmed.</summary>
public sealed record Misspelt(string Corrected) : Question;

/// <summary>"add X and also add Y": two tasks in one request, which the assistant adds one at a time.</summary>
public sealed record SeveralToAdd : Question;

/// <summary>"add it if it's not there": whether it is there is for the list to show, not for a guess.</summary>
public sealed record AddIfMissing : Question;

/// <summary>A request taken back in the same message ("add wine, no wait, don't"): nothing to do.</summary>
public sealed record Retracted : Question;

/// <summary>A message that names two readings and settles on neither ("task 2. or 3?"): which one is meant?</summary>
public sealed record Unsettled : Question;

/// <summary>"dentist", "the third one": a task named, and nothing asked of it.</summary>
public sealed record BareReference(TaskReference Task) : Question;

/// <summary>"set a reminder for the invoice at 9am": the tools keep a list and have no clock to remind at.</summary>
public sealed record TimedReminder : Question;

/// <summary>"mark task 3 as not done": the tools cannot reopen a task.</summary>
public sealed record ReopenRequest : Question;

/// <summary>
/// A task named by number ("task 3", "#3"), by its place in the list ("the first one"), or by words of
/// its title ("the meeting task"). A report of doing something ("I fed the cat") also carries what
/// was done to, without the verb (<paramref name="Fallback"/>): a task found only by those words is
/// offered, not acted on, because the verb may not be the title's, unless <paramref name="ActOnFallback"/>:
/// a statement beside an explicit command ("the groceries got delivered, cross it off") names the task
/// by what it is about, whatever its verb. Words from a statement (<paramref name="FromStatement"/>) may
/// say where, when or why ("I met Alex for coffee"), so they may find a task without those words; a
/// command's words must all be in the title, so "delete groceries and the dog walk" deletes nothing.
/// <paramref name="Also"/> is what a report says was done next ("… and made dinner"): when that names
/// another task, the message is about two tasks and is asked about. <paramref name="Offset"/> points
/// next to the task named: "the one after the dentist" is +1, "the one before task 4" −1, in the
/// list's order.
/// </summary>
public sealed record TaskReference(
    int? Id, string? Words, int? Position = null, string? Fallback = null, bool ActOnFallback = false,
    bool FromStatement = false, string? Also = null, int Offset = 0)
{
    /// <summary>The <see cref="Position"/> of the last task in the list, whatever its length ("the bottom one").</summary>
    public const int Last = -1;

    /// <summary>
    /// "The last one": the last in the list, or the one spoken of last? The list's last task is offered,
    /// not acted on.
    /// </summary>
    public const int LastSaid = -2;

    public bool IsEmpty => Id is null && Position is null && string.IsNullOrWhiteSpace(Words);

    /// <summary>How a reply names what the person referred to.</summary>
    public string Describe() => Id is { } id ? $"task {id}" : $"“{Words}”";

    /// <summary>How the person could say it in a command: "task 3", or the words themselves.</summary>
    public string Spoken() => Id is { } id ? $"task {id}" : Words ?? "";
}
