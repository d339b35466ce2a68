using System.Globalization;
using System.Text.RegularExpressions;

namespace TodoChatbot.Api.Chat.Offline;

/// <summary>Reads how a message names a task: by number, by quoted title, by words, or several at once.</summary>
internal static partial class TaskReferences
{
    /// <summary>"task 3", "#3", "3" → an id; "the meeting task" → words; "all tasks" → null (several).</summary>
    public static TaskReference? Parse(string raw)
    {
        var text = raw.Trim().TrimEnd('.', '!', '?', ',');
        if (MessageText.Quoted(text) is { } quoted)
            return new TaskReference(null, quoted);
        if (IdPattern().Match(text) is { Success: true } id)
        {
            if (id.Groups["word"].Success)
                return new TaskReference(Array.IndexOf(NumberWords, id.Groups["word"].Value.ToLowerInvariant()) + 1, null);
            if (int.TryParse(id.Groups["id"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
                return new TaskReference(number, null);
        }
        if (OrdinalPattern().Match(text) is { Success: true } ordinal)
        {
            var word = ordinal.Groups["place"].Value.ToLowerInvariant();
            // "the top one" is the first, "the bottom one" the last (a place counted from the end).
            var place = word switch
            {
                "top" => 1,
                "last" => TaskReference.LastSaid,
                "final" or "bottom" => TaskReference.Last,
                _ => Array.IndexOf(Ordinals, word) % 10 + 1,
            };
            // "the last one on my list" is the list's last; "the last one" alone may be the one spoken of last.
            if (place == TaskReference.LastSaid && ordinal.Groups["list"].Success)
                place = TaskReference.Last;
            return new TaskReference(null, $"{ordinal.Groups["place"].Value} task", Position: place);
        }
        // "the one after the dentist", "the task before #4": next to the task named.
        if (NextToPattern().Match(text) is { Success: true } next && Parse(next.Groups["anchor"].Value) is { Offset: 0, Position: null } anchor
            && !anchor.IsEmpty)
            return anchor with { Offset = next.Groups["after"].Success ? 1 : -1 };
        if (BulkPattern().IsMatch(text))
            return null;
        var words = MessageText.Spaces(FillerPattern().Replace(LeadingFillerPattern().Replace(text, ""), " "));
        return new TaskReference(null, words.Length == 0 ? null : words);
    }

    private static readonly string[] NumberWords = Words.NumberWords.Split('|');

    private static readonly string[] Ordinals = Words.Ordinals.Split('|');

    private const RegexOptions Verbose = CommandParser.Verbose;

    // "3", "#3", "task 3", "the task number 3", "my todo no. 3", "task three"
    [GeneratedRegex($$"""
        ^(?:(?:the|my)\s+)?
        (?: (?:(?:{{Words.TaskNoun}})\s*)?(?:(?:number|no\.?)\s*)?\#?\s*(?<id>\d{1,10})
          | (?:(?:{{Words.TaskNoun}})\s+(?:(?:number|no\.?)\s*)?|(?:number|no\.?)\s*)(?<word>{{Words.NumberWords}})
        )
        (?:\s+(?:on|in|from)\s+{{Words.MyList}})?$                          # "item 3 on my list"
        """, Verbose)]
    private static partial Regex IdPattern();

    // "the first one", "the 2nd task", "the third item on my list"
    [GeneratedRegex($$"""
        ^(?:the\s+|my\s+)?(?<place>{{Words.Ordinals}}|{{Words.Ends}})
        (?:\s+(?:one|{{Words.TaskNoun}}))?
        (?<list>\s+(?:on|in)\s+(?:my|the)\s+list)?$
        """, Verbose)]
    private static partial Regex OrdinalPattern();

    [GeneratedRegex($$"""
        ^(?:the\s+)?(?:one|{{Words.TaskNoun}})\s+(?:right\s+|just\s+|straight\s+)?
        (?:(?<after>after|below|under|following)|before|above|preceding)\s+(?<anchor>.+)$
        """, Verbose)]
    private static partial Regex NextToPattern();

    // Several tasks at once: the tools change one at a time, so these get a question.
    [GeneratedRegex("""
        ^(?:all|every|everything|each|both)\b                             # "all of them", "everything", "both the call ones"
        | \ball\s+(?:(?:my|the|of\s+(?:my|the))\s+)?(?:tasks|todos|to-dos|items)\b
        | \b(?:tasks|todos|items)\s+\#?\d+\s*(?:,|and|&)                   # "tasks 3 and 4"
        | \#?\d+\s*(?:,|and|&)\s*\#?\d+                                    # "3, 4", "#3 & #4"
        | ^(?:the\s+)?(?:completed|done|finished|pending|old|open)\s+(?:tasks|todos|items|ones)$
        """, Verbose)]
    private static partial Regex BulkPattern();

    // Words around a title reference that are not part of the title: "the", "my", "task", "one".
    [GeneratedRegex($$"""\b(?:{{Filler}})\b""", Verbose)]
    private static partial Regex FillerPattern();

    // Words that lead to the title: "the task called X", "the one about X", "the task for X".
    // "whatever's about X", "anything for X": the same, said loosely.
    [GeneratedRegex($$"""^(?:(?:{{Filler}}|called|named|titled|about|concerning|regarding|for|of|with|whatever'?s|whatever\s+is|anything|something)\b\s*)+""", Verbose)]
    private static partial Regex LeadingFillerPattern();

    private const string Filler = $"the|my|that|this|these|those|it|them|they|a|an|{Words.TaskNoun}|one|thing|entry|whole|entire";
}
