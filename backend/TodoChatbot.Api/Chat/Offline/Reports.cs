using System.Text.RegularExpressions;

namespace TodoChatbot.Api.Chat.Offline;

/// <summary>What a statement says happened to a task: it was done, or it is no longer needed.</summary>
public enum Outcome
{
    Done,

    /// <summary>"I walked": a report of doing, but of what is only a guess from the verb.</summary>
    MaybeDone,
    NotNeeded,
}

/// <summary>
/// A statement about a task: the words that name it, and for a report of doing something the words
/// for what was done to, without the verb (<paramref name="Fallback"/>, see <see cref="TaskReference"/>).
/// </summary>
public sealed record Statement(Outcome Outcome, string Words, string? Fallback = null, string? Also = null);

/// <summary>
/// Statements about a task rather than commands: "I bought the groceries", "the invoice has been
/// sent", "the dentist appointment got cancelled", "I don't need to call mom anymore". Each gives the
/// words that name the task, so the parser can complete it, ask about it, or resolve the "it" of a
/// command that follows ("…, so delete it").
/// </summary>
public static partial class Reports
{
    /// <summary>The statement a clause makes about a task, or null when it makes none.</summary>
    public static Statement? Read(string clause)
    {
        // "that's the plants watered": the words after "that's" are the statement.
        clause = ThatsPattern().Replace(clause, "");
        return NoLongerNeeded(clause) ?? NeedsNothing(clause) ?? BackFrom(clause) ?? Settled(clause) ?? PastAction(clause);
    }

    /// <summary>The task a statement names, for the "it" of a command beside it ("I called mom, tick it off").</summary>
    public static TaskReference? Subject(string clause)
    {
        if (Read(clause) is not { } statement)
            return null;
        return TaskReferences.Parse(statement.Words) is { } named
            ? named with { Fallback = statement.Fallback, ActOnFallback = true, FromStatement = true }
            : null;
    }

    /// <summary>
    /// The clause's own words without the words of being and of who and when ("mom rang me back" →
    /// "mom ring back"), for the "it" of a command when the clause is no statement <see cref="Read"/> knows.
    /// </summary>
    public static TaskReference? Loose(string clause)
    {
        var words = clause.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(word => !StatementWords.Contains(word.Trim('.', ',', '!', '?')))
            .Select(word => PastTense.BaseForm(word) ?? word);
        var rest = string.Join(' ', words);
        return rest.Length == 0 ? null : TaskReferences.Parse(rest) is { } named ? named with { FromStatement = true } : null;
    }

    /// <summary>"I don't need (to) X anymore", "we're not doing X", "no need to X" → X.</summary>
    private static Statement? NoLongerNeeded(string clause) =>
        NoLongerNeededPattern().Match(clause) is { Success: true } match
            ? new Statement(Outcome.NotNeeded, match.Groups["task"].Value)
            : null;

    /// <summary>"just back from walking the dog" → "walking the dog".</summary>
    private static Statement? BackFrom(string clause) =>
        BackFromPattern().Match(clause) is { Success: true } match ? new Statement(Outcome.Done, match.Groups["task"].Value) : null;

    /// <summary>"the windows don't need cleaning anymore" → "cleaning the windows".</summary>
    private static Statement? NeedsNothing(string clause)
    {
        if (NoneNeededPattern().Match(clause) is { Success: true } none)
            return new Statement(Outcome.NotNeeded, none.Groups["task"].Value);
        return NeedsNothingPattern().Match(clause) is { Success: true } match
            ? new Statement(Outcome.NotNeeded, $"{match.Groups["what"].Value} {match.Groups["task"].Value}".Trim(),
                match.Groups["task"].Value)
            : null;
    }

    /// <summary>
    /// "X is done", "X has been sent", "X bought", "X got cancelled", "X isn't happening". A verb's
    /// past form ("the floor is mopped") names the task with its verb ("mop the floor").
    /// </summary>
    private static Statement? Settled(string clause)
    {
        if (SettledPattern().Match(clause) is not { Success: true } match)
            return null;
        var task = match.Groups["task"].Value;
        var negated = match.Groups["negated"].Success;
        // "isn't happening" is not needed; "is happening" or "isn't cancelled" says nothing to act on.
        if (match.Groups["unneeded"].Success || match.Groups["needed"].Success)
            return negated == match.Groups["needed"].Success ? new Statement(Outcome.NotNeeded, task) : null;
        if (negated)
            return null;
        if (match.Groups["done"].Success)
            return new Statement(Outcome.Done, task);
        if (match.Groups["state"].Success)
            return new Statement(Outcome.Done, task);
        if (match.Groups["sent"].Success)
            return new Statement(Outcome.Done, $"send {task}", task);
        // "my mom called" says what mom did; "the invoice sent" or "the invoice was sent" what was done to it.
        if (!match.Groups["be"].Success && PossessivePattern().IsMatch(task))
            return null;
        return PastTense.BaseForm(match.Groups["verb"].Value) is { } verb
            ? new Statement(Outcome.Done, $"{verb} {task}", task)
            : null;
    }

    /// <summary>
    /// "I (just) bought the groceries (this morning)" → "buy the groceries". A verb that only says it
    /// is done ("I did the laundry", "took care of the bill") leaves just what was done.
    /// </summary>
    private static Statement? PastAction(string clause)
    {
        if (PastActionPattern().Match(clause) is not { Success: true } match)
            return null;
        var rest = match.Groups["rest"].Value;
        // "got the shopping done": the generic verb's object, without its "done".
        if (match.Groups["generic"].Success)
            return rest.Length == 0 ? null : new Statement(Outcome.Done, GotDonePattern().Replace(rest, ""));
        // "I called the dentist and booked a cleaning": the first thing done is the report, and what
        // follows is kept, in case it names a task too.
        string? also = null;
        if (AndThenPattern().Match(rest) is { Success: true } then && PastTense.BaseForm(then.Groups["verb"].Value) is { } thenVerb)
        {
            also = $"{thenVerb} {rest[(then.Index + then.Length)..].Trim()}".Trim();
            rest = rest[..then.Index];
        }
        // "I fed and walked the dog": the last verb is the one the object belongs to.
        if (AndVerbPattern().Match(rest) is { Success: true } and && PastTense.BaseForm(and.Groups["verb"].Value) is { } last)
            return new Statement(Outcome.Done, $"{last} {and.Groups["rest"].Value}", and.Groups["rest"].Value);
        if (match.Groups["base"].Success)
            return new Statement(Outcome.Done, $"{match.Groups["base"].Value} {rest}".Trim(), rest.Length == 0 ? null : rest, also);
        var verb = PastTense.BaseForm(match.Groups["verb"].Value);
        // A bare "walked" could be anything; "I called" or "walked the dog" name what was done. Without
        // an "I", "read chapter 4" is a command as much as a report: "read" is both.
        var person = match.Groups["i"].Success;
        if (verb is null || (rest.Length == 0 && !person) || (!person && PastTense.IsAlsoPresent(match.Groups["verb"].Value)))
            return null;
        return rest.Length == 0 ? new Statement(Outcome.MaybeDone, verb) : new Statement(Outcome.Done, $"{verb} {rest}", rest, also);
    }

    /// <summary>Words of a statement that name no task: who did it, when, and the verbs of being.</summary>
    private static readonly HashSet<string> StatementWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "i", "i've", "i'm", "me", "we", "we've", "you", "he", "she", "they", "it", "is", "are", "was", "were", "be",
        "been", "has", "have", "had", "got", "already", "just", "now", "finally", "today", "yesterday", "so",
        "since", "because", "anyway", "really", "actually", "also", "too", "that", "this", "no", "not",
    };

    private const RegexOptions Verbose = CommandParser.Verbose;

    // When it happened, after the report: "… this morning", "… already", "… at last".
    private const string When = $$"""
        (?:\s+(?:today|tonight|yesterday|{{Words.TextedDays}}|already|earlier|finally|now|again|at\s+last|just\s+now|last\s+night
                |this\s+(?:morning|afternoon|evening|week|month)|next\s+week|(?:an\s+)?hour\s+ago|a\s+while\s+ago|earlier\s+today
                |twice|again|online|early|late|quickly|together|alone|in\s+person|by\s+phone|over\s+the\s+phone))*
        """;

    // A question asks about a task rather than reporting on it: "is task 3 done?", "did I call mom?"
    // ("did the laundry" reports; "did I do the laundry" asks).
    private const string NotAQuestion = """
        (?!(?:when|why|how|what|which|who|where)\b)
        (?!(?:did|do|does|can|could|should|would|will|shall|may|might)\s+(?:i|we|you|he|she|they|it)\b)
        (?!(?:is|are|was|were|am|have|has|had)\s+(?:i|we|you|he|she|they|it|the|my|our|this|that|task|\#?\d)\b)
        """;

    // Subjects that make a clause a report by the person rather than a statement about a task.
    private const string Person = @"i|i've|i'm|i'd|we|we've|we're|you|he|she|they|it";

    [GeneratedRegex($$"""
        ^{{NotAQuestion}}
        (?:(?:yesterday|today|earlier|this\s+(?:morning|afternoon|evening)|last\s+night)\s+)?
        (?:(?<i>i|we)(?:'ve|'d|\s+have|\s+had)?\s+)?
        (?:(?:just|finally|already|also|actually|successfully|now|went\s+and|went\s+ahead\s+and)\s+)*
        (?: (?:managed|got\s+around|was\s+able|were\s+able|remembered)\s+to\s+(?<base>[a-z]+)
          | (?<generic>{{Words.DidVerbs}})\b
          | (?<verb>(?>[a-z]+))              # atomic: what follows is a space or the end, never a letter
        )
        (?:\s+(?<rest>.+?))?
        (?:\s+(?:off|over)\s+to\s+(?:the\s+|my\s+|a\s+)?[a-z]+)?                # "sent the invoice off to the client"
        {{When}}$
        """, Verbose)]
    private static partial Regex PastActionPattern();

    [GeneratedRegex($$"""
        ^(?: (?:(?:i|we)\s+)?(?:really\s+|actually\s+|just\s+)?
             (?:don't|dont|do\s+not|won't|wont|will\s+not|no\s+longer|didn't|didnt)\s+(?:need|have|want|require)\s+(?:to\s+)?
           | (?:(?:i'm|im|i\s+am|we're|we\s+are)\s+)?(?:not|no\s+longer)\s+(?:going\s+to|gonna|doing|planning\s+(?:to|on))\s+
             (?:get\s+(?:round\s+|around\s+)?to\s+)?                                   # "I'm not going to get to the report"
           | (?:i'm|im|i\s+am|we're|we\s+are)\s+(?:not|no\s+longer)\s+(?=[a-z]+ing\b)     # "I'm not buying X"
           | (?:i|we)\s+(?:won't|wont|will\s+not)\s+be\s+(?=[a-z]+ing\b)                 # "I won't be calling X"
           | no\s+more\s+
           | never\s+mind(?:\s+about)?\s+(?=(?:the|my|that|calling|buying|[a-z]+ing)\b)      # "never mind about the invoice"
           | (?:there's\s+|there\s+is\s+)?no\s+(?:need|point)\s+(?:to\s+|for\s+|in\s+)?
           | (?:i|we)\s+changed\s+(?:my|our)\s+minds?\s+(?:about|on)\s+
           | (?:i|we)(?:'ve|\s+have)?\s+decided\s+(?:not\s+to|against)\s+
           | (?:i'm|i\s+am|i'll|i\s+will|we're|we'll)\s+(?:skipping|skip|dropping|drop)\s+
        )
        (?<task>.+?)
        (?:\s+(?:anymore|any\s+more|after\s+all|now|today|tonight|tomorrow|either|this\s+(?:week|month)))*$
        """, Verbose)]
    private static partial Regex NoLongerNeededPattern();

    // TASK [is|has been|got|…] STATE: the state says done, not needed, or is a verb's past form.
    [GeneratedRegex($$"""
        ^(?!(?:{{Person}}|{{Words.DidVerbs}})\b){{NotAQuestion}}
        (?<task>.+?)
        (?: (?<negated>'s\s+not|\s+(?:isn't|is\s+not|aren't|are\s+not|wasn't|was\s+not|won't(?:\s+be)?|will\s+not(?:\s+be)?
                        |isn't\s+going\s+to|is\s+not\s+going\s+to|can't|cannot))
          | (?<be>'s(?:\s+been)?)
          | \s+(?<be>is|are|was|were|got|has\s+been|have\s+been|had\s+been|has\s+now\s+been|has(?=\s+(?:now\s+)?gone\b))
        )?
        \s+(?:(?:now|all|already|finally|just|been)\s+)*
        (?: (?<unneeded>{{Words.NotNeededStates}})
          | (?<needed>{{Words.NeededStates}})
          | (?<done>{{Words.DoneStates}})
          | (?<state>{{Words.DoneAdjectives}})
          | (?<sent>gone\s+(?:off|out)(?:\s+to\s+(?:the\s+|my\s+|our\s+)?[a-z']+)?)     # "the invoice has gone off to the client"
          | (?<verb>(?>[a-z]+))(?:\s+(?:out|up|off|down|back|over|away))?
            (?:\s+and\s+[a-z]+(?:ed|en|t))?                                  # "report written and submitted"
        )
        (?:\s+(?:on|for)\s+(?:me|us))?                                    # "the dentist cancelled on me"
        {{When}}(?:\s+(?:anymore|any\s+more))?$
        """, Verbose)]
    private static partial Regex SettledPattern();

    // TASK doesn't need (doing|to be done) anymore
    [GeneratedRegex($$"""
        ^(?!(?:{{Person}})\b)(?<task>.+?)
        \s+(?:doesn't|dont|don't|does\s+not|do\s+not|no\s+longer)\s+needs?
        (?:\s+(?:to\s+be\s+)?(?<what>[a-z]+))?
        (?:\s+(?:anymore|any\s+more|now|today|after\s+all))*$
        """, Verbose)]
    private static partial Regex NeedsNothingPattern();

    // no TASK needed (this week)
    [GeneratedRegex($$"""^no\s+(?<task>.+?)\s+(?:needed|necessary|required){{When}}(?:\s+(?:anymore|any\s+more))?$""",
        Verbose)]
    private static partial Regex NoneNeededPattern();

    [GeneratedRegex(@"\s+(?:done|sorted|finished|out\s+of\s+the\s+way)$", Verbose)]
    private static partial Regex GotDonePattern();

    [GeneratedRegex(@"^and\s+(?<verb>[a-z]+)\s+(?<rest>.+)$", Verbose)]
    private static partial Regex AndVerbPattern();

    [GeneratedRegex(@"\s+and\s+(?:then\s+)?(?<verb>[a-z]+)\b", Verbose)]
    private static partial Regex AndThenPattern();

    [GeneratedRegex($$"""
        ^(?:(?:i'm|i\s+am|we're|just|finally)\s+)*(?:back|home|in)\s+from\s+(?<task>[a-z]+ing\s+.+?){{When}}$
        """, Verbose)]
    private static partial Regex BackFromPattern();

    [GeneratedRegex(@"^(?:that's|thats|that\s+is)\s+(?=(?:the|my|our)\s)", Verbose)]
    private static partial Regex ThatsPattern();

    [GeneratedRegex(@"^(?:my|our|his|her|their)\b", Verbose)]
    private static partial Regex PossessivePattern();
}
