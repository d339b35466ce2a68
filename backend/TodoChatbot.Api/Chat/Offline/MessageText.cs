using System.Globalization;
using System.Text.RegularExpressions;

namespace TodoChatbot.Api.Chat.Offline;

/// <summary>
/// The text of a message as the rules read it (one line, single spaces, without the politeness around
/// the request), and the titles and descriptions cut from it as the tools store them.
/// </summary>
internal static partial class MessageText
{
    /// <summary>One line, single spaces, without "hey, could you please …" or "…, thanks".</summary>
    public static string Normalize(string message)
    {
        var text = Spaces(Apostrophes(message).Replace('\n', ' ').Replace('\r', ' '));
        text = ToDoListPattern().Replace(text, "todo ");
        text = PolitePrefixPattern().Replace(text, "");
        text = PoliteSuffixPattern().Replace(text, "");
        return text.Trim();
    }

    /// <summary>Phone keyboards type ’ for ': read both the same.</summary>
    public static string Apostrophes(string text) => text.Replace('’', '\'').Replace('‘', '\'');

    /// <summary>Runs of white space as one space, trimmed.</summary>
    public static string Spaces(string text) => MultipleSpaces().Replace(text, " ").Trim();

    /// <summary>A title as typed: quotes keep their exact text; otherwise trimmed and capitalized.</summary>
    public static string Title(string raw)
    {
        var text = raw.Trim().TrimEnd('.', '!', '?', ',', ';', ':').Trim();
        if (QuotedWholePattern().Match(text) is { Success: true } quoted)
            return quoted.Groups["text"].Value;
        // Quotes around nothing ('add ""') give no title.
        if (text.Trim('"', '“', '”', '«', '»', '\'', '‘', '’', ' ').Length == 0)
            return "";
        return text.Length == 0 ? text : char.ToUpper(text[0], CultureInfo.InvariantCulture) + text[1..];
    }

    /// <summary>A description as typed: trimmed, quotes removed, case kept.</summary>
    public static string Description(string raw)
    {
        var text = raw.Trim().TrimEnd('.', '!', '?', ',', ';').Trim();
        return QuotedWholePattern().Match(text) is { Success: true } quoted ? quoted.Groups["text"].Value : text;
    }

    /// <summary>The text between quotes anywhere in <paramref name="text"/>: "delete “Call mom”".</summary>
    public static string? Quoted(string text) =>
        QuotedPattern().Match(text) is { Success: true } quoted ? quoted.Groups["text"].Value.Trim() : null;

    private const RegexOptions Verbose = CommandParser.Verbose;

    [GeneratedRegex(@"\s+", Verbose)]
    private static partial Regex MultipleSpaces();

    // "hey, could you please just …", "good morning! I'd like you to …", "let's …"
    [GeneratedRegex($$"""
        ^(?:(?:{{Words.Openers}})(?:\s+there)?\b[,!]?\s*)*
        (?:(?:{{Words.Please}})\s+)?
        (?: (?:can|could|would|will)\s+you\s+(?:please\s+)?(?:just\s+)?
          | (?:can|could|may)\s+i\s+(?:please\s+)?
          | you\s+can\s+(?:now\s+)?
          | just\s+(?=(?:delete|remove|mark|tick|check|cross|complete)\b)   # "just delete it"
        )?
        (?:(?:i'd|i\s+would)\s+like\s+(?:you\s+)?to\s+|let'?s\s+)?
        (?:please\s+)?
        """, Verbose)]
    private static partial Regex PolitePrefixPattern();

    // "my to do list" is the todo list; "I have to do the laundry" keeps its words.
    [GeneratedRegex(@"\bto\s+do\s+(?=lists?\b)|(?<=\b(?:my|the)\s+)to\s+do\b(?!\s+(?:the|a|an|my|it|this|that|some)\b)", Verbose)]
    private static partial Regex ToDoListPattern();

    [GeneratedRegex($$"""[\s,]*(?:{{Words.PoliteEndings}})?[\s.!?]*$""", Verbose)]
    private static partial Regex PoliteSuffixPattern();

    // "text", “text”, «text», 'text' (single quotes only around words, so "don't" is no quote)
    [GeneratedRegex("""
        ["“”«»] \s* (?<text>[^"“”«»]+?) \s* ["“”«»]
        | (?<=^|\s) ['‘’] (?<text>[^'‘’]+?) ['‘’] (?=$|[\s.,!?])
        """, Verbose)]
    private static partial Regex QuotedPattern();

    [GeneratedRegex("""
        ^(?: ["“”«»] (?<text>[^"“”«»]+) ["“”«»]
           | ['‘’] (?<text>[^'‘’]+) ['‘’]
        )$
        """, Verbose)]
    private static partial Regex QuotedWholePattern();
}
