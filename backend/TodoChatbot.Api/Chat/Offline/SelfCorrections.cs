using System.Text.RegularExpressions;

namespace TodoChatbot.Api.Chat.Offline;

/// <summary>
/// A message that changes its mind on the way: "delete task 3, no wait, 4", "add milk… actually make
/// that oat milk", "I watered the plants, sorry, not the plants, the garden". What counts is the
/// request as finally meant: the words after the last correction replace the number, the title or the
/// task of the request before it, or are a request of their own ("… actually no, add pay the
/// mechanic"). A message that takes the request back ("…, no wait, don't", "… forget it", "… leave it")
/// changes nothing, and one that never settles ("add yoga, or maybe pilates", "task 2. or 3?") is
/// asked about: acting on either half would be a guess.
/// </summary>
internal static partial class SelfCorrections
{
    /// <returns>The request as finally meant, or null when the message neither corrects nor hedges itself.</returns>
    public static OfflineCommand? Read(string text, Func<string, OfflineCommand> parse)
    {
        text = ConfirmedDoubtPattern().Replace(text, "");
        var markers = MarkerPattern().Matches(text);
        var hedged = HedgePattern().IsMatch(text);
        if (markers.Count == 0)
            return hedged ? new Unsettled() : null;

        var first = markers[0];
        var last = markers[^1];
        var before = text[..first.Index].Trim();
        var after = text[(last.Index + last.Length)..].Trim();
        if (before.Length == 0 || after.Length == 0)
            return null;
        if (RetractionPattern().IsMatch(after))
            return new Retracted();
        if (hedged)
            return new Unsettled();

        var meant = Clean(after);
        if (NumberPattern().Match(meant) is { Success: true } number && LastNumberPattern().IsMatch(before))
            return parse(LastNumberPattern().Replace(before, number.Groups["number"].Value, 1));
        // "… actually no, add pay the mechanic", "… no, what have I finished": a request of its own.
        if (OnItsOwn(parse(meant)) is { } own)
            return own;
        if (CommandParser.LastSentencePattern().Match(meant) is { Success: true } sentence && OnItsOwn(parse(sentence.Groups["last"].Value)) is { } said)
            return said;
        return parse(before) switch
        {
            AddCommand add => add with { Title = MessageText.Title(meant) },
            UpdateCommand { NewTitle: not null } rename => rename with { NewTitle = MessageText.Title(meant) },
            NewTitleMissing missing => new UpdateCommand(missing.Task, MessageText.Title(meant), null),
            UpdateCommand { NewDescription: not null } note => note with { NewDescription = MessageText.Description(meant) },
            CompleteCommand { Task.IsEmpty: false } complete when TaskReferences.Parse(meant) is { IsEmpty: false } task =>
                complete with { Task = task with { FromStatement = complete.Task.FromStatement } },
            DeleteCommand { Task.IsEmpty: false } delete when TaskReferences.Parse(meant) is { IsEmpty: false } task => delete with { Task = task },
            ListCommand when parse("show " + meant) is ListCommand list => list,
            _ => new Unsettled(),
        };
    }

    /// <summary>A reading that stands without the words before it: a list, an add, or a change to a named task.</summary>
    private static OfflineCommand? OnItsOwn(OfflineCommand command) => command switch
    {
        ListCommand or AddCommand => command,
        CompleteCommand { Task.IsEmpty: false } or DeleteCommand { Task.IsEmpty: false } or UpdateCommand { Task.IsEmpty: false } => command,
        _ => null,
    };

    /// <summary>The replacement without the words around it: "just Walk Rex", "not the flights, the rent one", "number 3 I mean".</summary>
    private static string Clean(string words) =>
        MessageText.Spaces(AroundPattern().Replace(words, "")).TrimEnd('.', '!', '?', ',');

    // A break (comma, stop, ellipsis, dash), maybe a hesitation, then the words that take back what
    // came before it. A bare "no" counts only before a stop or a correction ("…, no rush" is a title).
    [GeneratedRegex("""
        (?<=\S) \s* (?:[,;:.!?…]+|\s[-–—]+) \s*
        (?:(?:er+m?|uh+|um+|hmm+|oh|ugh|argh|or)\b[\s,.!…]*)*
        (?: (?:no(?:pe)?|nah) (?=[\s]*[,.!…]|\s+(?:wait|sorry|actually|i\s+mean|hang|hold|make|task|number|the|\#?\d)\b)
          | wait | hang\s+on | hold\s+on | actually | sorry | oops | whoops | my\s+bad | i\s+mean(?!\s+it\b) | i\s+meant
          | scratch\s+that | correction | or\s+rather | make\s+(?:it|that)
          | (?<=(?:er+m?|uh+|um+|hmm+)[\s,.!…]+) (?=just\b|not\b|i\s+mean\b) )
        (?:[\s,.!:…]* (?:no|nah|wait|hang\s+on|hold\s+on|actually|sorry|oops|scratch\s+that|i\s+mean|i\s+meant|make\s+(?:it|that)|er+m?|uh+|um+|hmm+|oh|ugh)\b)*
        [\s,.!:…]*
        """, CommandParser.Verbose)]
    private static partial Regex MarkerPattern();

    // Alternatives left open: "…, or maybe pilates", "… or was it the plants", "task 2. or 3?", "…, or the electrician?"
    [GeneratedRegex("""
        \bor\s+(?:maybe|perhaps|possibly)\b
        | [,.…?!-]\s*or\s+(?:was\s+it|is\s+it|was\s+that|did\s+i)\b
        | [,.…-]\s*or\s+(?:task\s+|number\s+|\#)?\d+\s*\?
        | ,\s*or\s+[^,.?]{1,40}\?
        """, CommandParser.Verbose)]
    private static partial Regex HedgePattern();

    // A doubt settled at once: "… hmm, or did I? yeah, I did", "… did I? no, I did".
    [GeneratedRegex("""
        [\s,.…-]*(?:hmm+[\s,]*)?(?:or\s+)?did\s+i\s*\?\s*(?:(?:yes|yeah|yep|yup|no|nah)[\s,]*)?(?:i\s+(?:did|have)|i'?m\s+sure|definitely)[\s.!]*$
        """, CommandParser.Verbose)]
    private static partial Regex ConfirmedDoubtPattern();

    // The request taken back: "don't", "forget it", "leave it", "never mind", "I'll decide later".
    [GeneratedRegex("""
        ^(?:don'?t|do\s+not)\b
        | \b(?:never\s*mind|forget\s+(?:it|that|about\s+it)|leave\s+it|i'?ll\s+decide\s+later|i\s+don'?t\s+know|dunno
            |not\s+sure|can'?t\s+remember|one\s+of\s+them|ignore\s+(?:that|me|this)|cancel\s+that|keep\s+it)\b
        """, CommandParser.Verbose)]
    private static partial Regex RetractionPattern();

    // "task 5", "number 3", "#4", "17", "it's 4 I finished": the number said instead.
    [GeneratedRegex(@"^(?:it'?s\s+|it\s+is\s+)?(?:task\s+|number\s+|no\.?\s*|\#)?(?<number>\d+)\b(?!\s*(?:am|pm|:|%|\w*th\b))", CommandParser.Verbose)]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"\d+(?!.*\d)", CommandParser.Verbose)]
    private static partial Regex LastNumberPattern();

    // What surrounds the replacement: "just …", "… instead", "… I mean", "not the flights, …", "… yeah".
    [GeneratedRegex("""
        ^(?:(?:just|then|yeah|yes|ok|okay)\s+)+ | ^not\s+[^,]+,\s* | \s+(?:instead|i\s+mean|i\s+meant|yeah|then|please)[\s.!]*$
        """, CommandParser.Verbose)]
    private static partial Regex AroundPattern();
}
