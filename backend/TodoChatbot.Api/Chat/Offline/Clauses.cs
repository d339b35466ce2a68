using System.Text.RegularExpressions;

namespace TodoChatbot.Api.Chat.Offline;

/// <summary>
/// Splits a message into its clauses ("I don't need X anymore, delete it" → two), so a command
/// can be found in whichever clause holds it and its "it" read from the clause that names the task.
/// </summary>
public static partial class Clauses
{
    /// <summary>The clauses in order, without the "so"/"and then" that joins them; one clause when there is no break.</summary>
    public static IReadOnlyList<string> Split(string text) =>
        BreakPattern().Split(text)
            .Select(clause => JoinerPattern().Replace(clause.Trim(), ""))
            .Where(clause => clause.Length > 0)
            .ToArray();

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    // A comma, semicolon or sentence end, a dash or an emoji between spaces, a joining "so"/"and then",
    // the "anymore" that ends a clause ("I don't need X anymore they're fake"), or an interjection
    // between clauses ("the gym's shut lol delete it"). "no. 3" is a number,
    // not the end of a sentence.
    [GeneratedRegex(@"\s*(?:[,;]|(?<!\bno)\.(?=\s)|[!?](?=\s)|\s[-–—](?=\s)|\s(?:\p{So}|\p{Cs}|\uFE0F)+(?=\s))\s*
        |\s+(?=(?:so|but|and\s+then|then|therefore|and\s+(?:we|he|she|they|it))\s)
        |\s+(?=and\s+(?:then\s+)?(?:delete|remove|mark|tick|complete|rename|retitle|change|cross|strike|bin|drop)\s+(?:it|that|this)\b)
        # a complaint, then the request, unpunctuated: … WHY IS IT STILL HERE, nothing works just give me my list,
        # the dog one the dog walker does it
        |\s+(?=why\s+(?:is|are|does|do|did|won't|wont|can't|cant|isn't|isnt)\s)
        |(?<=\S)\s+(?=just\s+(?:give|show|add|delete|remove|mark|tick|get|list|complete)\b)
        |(?<=\bone)(?<=\bthe\s+[a-z]+(?:\s+[a-z]+)?\s+one)\s+(?=(?:the|i|i'm|she|he|they|we|it|because|since|cause|bc)\b)
        |\s*:\s+(?=(?:add|delete|remove|complete|mark|tick|rename|change|show)\b)|(?<=\b(?:anymore|any\s+more))\s+(?=\w)
        |\s+(?:lol|lmao|haha+|ugh|omg)(?=\s)\s*", CommandParser.Verbose)]
    private static partial Regex BreakPattern();

    [GeneratedRegex(@"^(?:(?:so|and|then|but|okay|ok|now|just|since|because|cause|cuz|as|anyway|anyways|therefore|thus|hence|perhaps|maybe)\b\s*)+", Options)]
    private static partial Regex JoinerPattern();
}
