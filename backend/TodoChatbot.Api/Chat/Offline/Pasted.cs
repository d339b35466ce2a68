using System.Text.RegularExpressions;

namespace TodoChatbot.Api.Chat.Offline;

/// <summary>
/// Text pasted into a message from somewhere else: a checklist line ("- [x] Walk the dog"), an
/// arrow pointing at it ("… &lt;- can you tick this off"), a reason in brackets after the request
/// ("delete task 2 (turns out she's away)"), a quote under a label ("From my journal: "Tidied my
/// room""). Read as what the person asks: the checked line as done, the quote as the message.
/// </summary>
internal static partial class Pasted
{
    public static string Read(string text)
    {
        text = AsideEndPattern().Replace(ArrowNotePattern().Replace(text, ""), "");
        if (LabelledQuotePattern().Match(text) is { Success: true } labelled)
            return labelled.Groups["quote"].Value;
        return CheckboxPattern().Replace(text, match => match.Groups["checked"].Success ? "done " : "");
    }

    /// <summary>A checklist's box before a title, in an add or a rename: "add - [ ] Order the flowers".</summary>
    public static string WithoutBox(string title) => BoxPattern().Replace(title, "");

    private const RegexOptions Verbose = CommandParser.Verbose;

    // "- [x] Walk the dog", "[ ] Buy milk", "* [X] …": a checklist line at the start of the message.
    [GeneratedRegex(@"^\s*(?:[-*•]\s*)?\[(?:(?<checked>[xX✓✔])|\s?)\]\s*(?=\S)", Verbose)]
    private static partial Regex CheckboxPattern();

    [GeneratedRegex(@"^\s*(?:[•·▪►*]\s*|-\s*\[[\sxX✓✔]?\]\s*|\[[\sxX✓✔]?\]\s*)+(?=\S)", Verbose)]
    private static partial Regex BoxPattern();

    // "Walk the dog   <- can you tick this off": the note an arrow adds to the pasted line.
    [GeneratedRegex(@"\s+(?:<-+|←|<=+|<<)\s+.*$", Verbose)]
    private static partial Regex ArrowNotePattern();

    // A bracketed reason at the end: words about the person or the circumstance ("(Tom asked me to)",
    // "(turns out she's away till Tuesday)"), not part of a title ("(due 12/12)", "(barn on Elm St)").
    [GeneratedRegex("""
        (?<=\S)\s*\(
        (?=[^()]*\b(?:i|i'm|i've|me|my|she|she's|he|he's|they|they're|we|we're|it's|that's|this|turns\s+out|because|since|asked|just)\b)
        [^()]{3,}\)[.!]*$
        """, Verbose)]
    private static partial Regex AsideEndPattern();

    // "From my journal: "Tidied my room at last"", "Note from Sam: '…'": the quote is the message.
    [GeneratedRegex("""
        ^(?:from|note\s+from|copied\s+from|pasted\s+from|this\s+is\s+from)\s+[^:"“]{1,40}:\s*
        ["“](?<quote>[^"“”]+)["”][.!]*$
        """, Verbose)]
    private static partial Regex LabelledQuotePattern();
}
