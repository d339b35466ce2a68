using System.Text.RegularExpressions;
using TodoChatbot.Contracts;

namespace TodoChatbot.Api.Chat.Offline;

/// <summary>
/// Reads a request to see the list, and which part of it: "show my tasks" (all), "what's pending?",
/// "what have I completed?". A message is a list request when it names the list or a status and is
/// put as a question or a "show" ("what's the weather" names neither, so it is not one), or when it
/// is one of the idioms that name neither ("what's on my plate?").
/// </summary>
internal static partial class ListRequests
{
    public static ListCommand? Parse(string text)
    {
        if (ShowAllPattern().IsMatch(text))
            return new ListCommand(TaskStatusFilter.All);
        if (PendingIdiomPattern().IsMatch(text))
            return new ListCommand(TaskStatusFilter.Pending);
        var completed = CompletedPattern().IsMatch(text);
        var pending = PendingPattern().IsMatch(text);
        if (!ListNounPattern().IsMatch(text) && !completed && !pending)
            return null;
        if (!OpenerPattern().IsMatch(text) && !NamesOnlyTheList(text))
            return null;
        // "not done" / "unfinished" are pending even though they contain a completion word.
        if (pending)
            return new ListCommand(TaskStatusFilter.Pending);
        return new ListCommand(completed ? TaskStatusFilter.Completed : TaskStatusFilter.All);
    }

    /// <summary>"tasks", "my todos", "completed", "done ones": the list or a status and nothing else.</summary>
    public static bool NamesOnlyTheList(string text) => ListOnlyPattern().IsMatch(text.Trim());

    private const RegexOptions Verbose = CommandParser.Verbose;

    // "show", "show me all", "list everything"
    [GeneratedRegex($$"""^(?:{{Words.ShowVerbs}})(?:\s+(?:me|us))?(?:\s+(?:all|everything|them|it\s+all))?$""",
        Verbose)]
    private static partial Regex ShowAllPattern();

    // Idioms for what is still to do that name neither tasks nor a status.
    [GeneratedRegex("""
        ^(?:what's|whats|what\s+is|what\s+are)\s+(?:(?:left\s+)?on|in)\s+(?:my|the)\s+(?:plate|agenda|schedule)\b
        | ^what'?s\s+next\b                                               # "what's next?"
        | ^what\s+(?:else|remains)\b
        | ^anything\s+else\b
        | ^remind\s+me\s+what\b
        | ^(?:do|have)\s+i\s+(?:got\s+|have\s+)?anything\s+(?:left\s+)?to\s+do\b
        | ^what\s+have\s+i\s+got\s+(?:left|on)\b
        """, Verbose)]
    private static partial Regex PendingIdiomPattern();

    [GeneratedRegex($$"""\b(?:{{Words.ListNoun}})\b""", Verbose)]
    private static partial Regex ListNounPattern();

    [GeneratedRegex($$"""\b(?:{{Words.CompletedStatus}})\b""", Verbose)]
    private static partial Regex CompletedPattern();

    [GeneratedRegex($$"""\b(?:{{Words.PendingStatus}})\b""", Verbose)]
    private static partial Regex PendingPattern();

    [GeneratedRegex($$"""^(?:{{Words.ListOpeners}})\b""", Verbose)]
    private static partial Regex OpenerPattern();

    [GeneratedRegex("""
        ^(?: (?:(?:all|my|the|pending|completed|done|open|finished|remaining)\s+)*
             (?:tasks?|todos?|to-dos?|list|ones|items)
           | pending|completed|done|finished|open|remaining|outstanding|everything|all
        )$
        """, Verbose)]
    private static partial Regex ListOnlyPattern();
}
