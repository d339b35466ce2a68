using System.Text.RegularExpressions;

namespace TodoChatbot.Api.Chat.Offline;

/// <summary>
/// Statements about a task rather than commands: "I bought the groceries", "the dentist appointment
/// got cancelled", "I don't need to call mom anymore". Each gives the words that name the task, so
/// the parser can complete it, ask about it, or resolve the "it" of a command that follows.
/// </summary>
public static partial class Reports
{
    /// <summary>"I (just) bought the groceries (this morning)" → "buy the groceries"; null when it is no report of doing.</summary>
    public static string? PastAction(string clause)
    {
        if (PastActionPattern().Match(clause) is not { Success: true } match)
            return null;
        var verb = PastTense.BaseForm(match.Groups["verb"].Value);
        var rest = match.Groups["rest"].Value;
        // A bare "walked" could be anything; "I called" or "walked the dog" name what was done.
        if (verb is null || (rest.Length == 0 && !match.Groups["i"].Success))
            return null;
        return rest.Length == 0 ? verb : $"{verb} {rest}";
    }

    /// <summary>"I don't need (to) X anymore", "I'm not going to X" → X.</summary>
    public static string? NoLongerNeeded(string clause) =>
        NoLongerNeededPattern().Match(clause) is { Success: true } match ? match.Groups["task"].Value : null;

    /// <summary>"X is done", "X got cancelled", "X isn't needed anymore", "the bill is paid" → X.</summary>
    public static string? Settled(string clause) =>
        SettledPattern().Match(clause) is { Success: true } match ? match.Groups["task"].Value : null;

    /// <summary>The words naming the task a statement is about, whichever kind of statement it is.</summary>
    public static string? Subject(string clause) => NoLongerNeeded(clause) ?? Settled(clause) ?? PastAction(clause);

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    private const string When = @"(?:\s+(?:today|yesterday|already|earlier|finally|now|at\s+last|just\s+now|last\s+night|this\s+(?:morning|afternoon|evening|week)))*";

    [GeneratedRegex(@"^(?:(?<i>i\s+have|i've|i)\s+)?(?:(?:just|finally|already|also|actually)\s+)*(?<verb>[a-z]+)(?:\s+(?<rest>.+?))?" + When + "$", Options)]
    private static partial Regex PastActionPattern();

    [GeneratedRegex(@"^(?:(?:i|we)\s+(?:really\s+|actually\s+)?(?:don't|dont|do\s+not|won't|wont|will\s+not|no\s+longer)\s+(?:need|have|want)\s+(?:to\s+)?|(?:i'm|im|i\s+am)\s+not\s+going\s+to\s+|no\s+longer\s+need\s+(?:to\s+)?|(?:there's\s+)?no\s+need\s+(?:to\s+|for\s+)?)(?<task>.+?)(?:\s+(?:anymore|any\s+more|after\s+all|now|today))*$", Options)]
    private static partial Regex NoLongerNeededPattern();

    [GeneratedRegex(@"^(?<task>.+?)(?:'s|\s+(?:is|are|was|were|got|has\s+been|have\s+been|isn't|is\s+not|aren't|are\s+not|wasn't))\s+(?:now\s+|all\s+|already\s+)?(?:not\s+)?(?:needed|necessary|required|cancelled|canceled|done|finished|complete|completed|sorted|paid|bought|over|handled|taken\s+care\s+of|called|fixed|booked|sent)" + When + @"(?:\s+(?:anymore|any\s+more))?$", Options)]
    private static partial Regex SettledPattern();
}
