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
        // "remind me what's on my list" asks what is on the list; "the complete list" is all of it.
        text = WholeListPattern().Replace(RemindMePattern().Replace(text, ""), "");
        if (ShowAllPattern().IsMatch(text))
            return new ListCommand(TaskStatusFilter.All);
        if (PendingIdiomPattern().IsMatch(text))
            return new ListCommand(TaskStatusFilter.Pending);
        if (CompletedIdiomPattern().IsMatch(text))
            return new ListCommand(TaskStatusFilter.Completed);
        var completed = CompletedPattern().IsMatch(text);
        var pending = PendingPattern().IsMatch(text);
        if (!ListNounPattern().IsMatch(text) && !completed && !pending)
            return null;
        if (!OpenerPattern().IsMatch(text) && !NamesOnlyTheList(text))
            return null;
        // "pending and completed" is all of them; "not done" / "unfinished" are pending even though
        // they contain a completion word.
        if (pending && completed && BothPattern().IsMatch(text))
            return new ListCommand(TaskStatusFilter.All);
        // "everything, finished stuff too", "my tasks including the done ones": the done ones as well.
        if (completed && AlsoPattern().IsMatch(text))
            return new ListCommand(TaskStatusFilter.All);
        if (pending)
            return new ListCommand(TaskStatusFilter.Pending);
        return new ListCommand(completed ? TaskStatusFilter.Completed : TaskStatusFilter.All);
    }

    /// <summary>"tasks", "my todos", "completed", "done ones": the list or a status and nothing else.</summary>
    public static bool NamesOnlyTheList(string text) => ListOnlyPattern().IsMatch(text.Trim());

    private const RegexOptions Verbose = CommandParser.Verbose;

    // "show", "show me all", "list everything"
    [GeneratedRegex($$"""
        ^(?:{{Words.ShowVerbs}})(?:\s+(?:me|us))?
        (?:\s+(?:all|everything|them|it\s+all|them\s+all|all\s+of\s+them|all\s+of\s+it|the\s+(?:whole\s+)?lot
                |(?:out\s+)?the\s+(?:top|first)\s+(?:two|three|four|five|few|\d+)(?:\s+(?:tasks|ones|items))?))?$   # "read me the first three"
        """, Verbose)]
    private static partial Regex ShowAllPattern();

    [GeneratedRegex(@"^remind\s+me\s+(?:of\s+)?(?=what|which|my|the)", Verbose)]
    private static partial Regex RemindMePattern();

    [GeneratedRegex(@"\b(?:complete|full|entire|whole)\s+(?=(?:todo\s+|to-do\s+|task\s+)?(?:list|account|overview|rundown|picture)\b)", Verbose)]
    private static partial Regex WholeListPattern();

    // Idioms for what is still to do that name neither tasks nor a status.
    [GeneratedRegex("""
        ^(?:what's|whats|what\s+is|what\s+are)\s+(?:(?:left\s+)?on|in)\s+(?:my|the)\s+(?:plate|agenda|schedule|docket|radar|slate|calendar|pipeline|queue|backlog|pile|books)\b
        | ^what(?:'?s|\s+is)\s+(?:next|due|up\s+next|on\s+(?:for\s+)?(?:today|tonight|tomorrow|this\s+week))\b(?!')
        | ^what'?s\s+(?:my|the)\s+(?:day|plan)\b                        # "what's my day look like"
        | ^what\s+(?:else|remains)\b(?!\s+(?:have|did)\s+i\b)                # "what else have I finished" asks for done ones
        | ^what\s+(?:have|did|do)\s+i\s+(?:still\s+)?not\b | ^what\s+(?:haven't|havent|didn't|didnt)\s+i\b  # "what have I not done"
        | ^what\s+am\s+i\s+(?:yet\s+to|behind\s+on)\b
        | ^what\s+(?:do\s+)?i\s+(?:still\s+)?(?:gotta|got\s+to|have\s+to|need\s+to)\s+do\b  # "what do I gotta do"
        | ^anything\s+(?:else|due|for\s+(?:me|today)|today|to\s+do|on\s+the\s+go)\b | ^what's\s+on\s+the\s+go\b | ^is\s+anything\s+due\b
        | ^what\s+(?:to|is\s+there\s+to)\s+do\b
        | ^what\s+(?:am|have|did)\s+i\s+(?:forgetting|forgotten|forgot|missing|missed)\b
        | ^what'?s\s+coming\s+up\b | ^what\s+is\s+coming\s+up\b
        | ^(?:got|have\s+you\s+got|do\s+you\s+have)\s+anything\b
        | ^(?:is\s+there\s+)?anything\s+(?:that\s+)?i(?:'ve)?\s+(?:forgot|forgotten|missed)\b
        | ^what\s+needs\s+(?:doing|to\s+be\s+done|to\s+get\s+done|done|my\s+attention)\b
        | ^what\s+(?:should|shall|must|can)\s+i\s+(?:do|work\s+on|tackle|focus\s+on|start\s+(?:with|on))\b
        | ^what\s+(?:do|did)\s+i\s+(?:have|need)\s+(?:today|tonight|tomorrow|on(?!\s+(?:my|the)\b)|going\s+on
                                                    |planned|lined\s+up)\b
        | ^what\s+(?:am|was)\s+i\s+(?:doing|supposed\s+to\s+do)\b
        | ^(?:do|have)\s+i\s+(?:got\s+|have\s+)?anything\s+(?:left\s+)?to\s+do\b
        | ^what\s+(?:have|do)\s+i\s+got\s*$
        | ^what\s+have\s+i\s+got\s+(?:left|on|today|planned)\b
        | ^am\s+i\s+(?:all\s+)?(?:done|finished|caught\s+up|up\s+to\s+date)\b
        | ^(?:whether\s+|if\s+)?(?:there's|there\s+is|is\s+there)\s+anything\s+(?:(?:that\s+)?i\s+(?:haven't|have\s+not|still\s+(?:have|need)\s+to)|left|still|(?:yet\s+)?to\s+do)\b
        | ^have\s+i\s+(?:done|finished|completed)\s+(?:everything|it\s+all|all)\b
        """, Verbose)]
    private static partial Regex PendingIdiomPattern();

    // Idioms for what is done: "what did I already do?", "what have I accomplished today?"
    [GeneratedRegex("""
        ^(?:what(?:\s+else)?|which(?:\s+ones|\s+tasks)?)\s+(?:did|have)\s+i\s+(?:already\s+|actually\s+|even\s+)?
        (?:do|done|accomplish(?:ed)?|achieve(?:d)?|get\s+done|got\s+done|knock(?:ed)?\s+(?:out|off)|tick(?:ed)?\s+off
          |cross(?:ed)?\s+off|check(?:ed)?\s+off|finish(?:ed)?|complete(?:d)?
          |ship(?:ped)?|action(?:ed)?|wrap(?:ped)?\s+up|clear(?:ed)?|close(?:d)?(?:\s+out)?|deliver(?:ed)?)
        (?:\s+(?:today|so\s+far|yet|this\s+week|already))*$
        | ^what\s+i(?:'ve|\s+have)\s+(?:already\s+)?(?:done|got\s+through|finished|completed|accomplished)\b   # "remind me what I've got through"
        | ^(?:show|list|tell|remind)\s+(?:me\s+)?what\s+i(?:'ve|\s+have)?\s+(?:already\s+)?(?:done|did|accomplished|got\s+through|finished|completed)\b
        | ^(?:have|did)\s+i\s+(?:already\s+)?(?:done|do|finished|finish|completed|complete|ticked\s+off)
          \s+(?:anything|something|any\s+tasks?)\b
        """, Verbose)]
    private static partial Regex CompletedIdiomPattern();

    // "pending and completed", "done or not done"
    [GeneratedRegex($$"""
        \b(?:{{Words.PendingStatus}})\s+(?:and|or|&)\s+(?:{{Words.CompletedStatus}})\b
        | \b(?:{{Words.CompletedStatus}})\s+(?:and|or|&)\s+(?:{{Words.PendingStatus}})\b
        """, Verbose)]
    private static partial Regex BothPattern();

    [GeneratedRegex($$"""
        \b(?:too|as\s+well|included)$ | \b(?:including|incl|plus|and\s+also|also|even|along\s+with)\s+(?:the\s+|my\s+)?(?:{{Words.CompletedStatus}})\b
        """, Verbose)]
    private static partial Regex AlsoPattern();

    [GeneratedRegex($$"""\b(?:{{Words.ListNoun}})\b""", Verbose)]
    private static partial Regex ListNounPattern();

    [GeneratedRegex($$"""\b(?:{{Words.CompletedStatus}})\b""", Verbose)]
    private static partial Regex CompletedPattern();

    [GeneratedRegex($$"""\b(?:{{Words.PendingStatus}})\b""", Verbose)]
    private static partial Regex PendingPattern();

    [GeneratedRegex($$"""^(?:{{Words.ListOpeners}})\b""", Verbose)]
    private static partial Regex OpenerPattern();

    [GeneratedRegex("""
        ^(?: (?:(?:all|my|the|today's|current|todo|to-do|task|pending|completed|done|open|finished|remaining
                 |unfinished|incomplete|outstanding)\s+)*
             (?:tasks?|todos?|to-dos?|list|ones|items)
             (?:\s+(?:left|remaining|pending|outstanding|done|completed|finished|open|to\s+do|still\s+open
                     |(?:not|still\s+not)\s+(?:yet\s+)?(?:done|finished|completed)))?
           | pending|completed|done|finished|open|remaining|outstanding|everything|all|left
        )$
        """, Verbose)]
    private static partial Regex ListOnlyPattern();
}
