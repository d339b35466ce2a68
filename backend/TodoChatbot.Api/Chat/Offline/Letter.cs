using System.Text.RegularExpressions;

namespace TodoChatbot.Api.Chat.Offline;

/// <summary>
/// A message written as a letter: "Good afternoon. Might I see what remains outstanding? With thanks,
/// Harold". The salutation, the sign-off (and the name under it), the announcement before a report
/// ("I am pleased to report that …") and a closing "kindly update my list accordingly" carry no part
/// of the request; the rules read what is between them.
/// </summary>
internal static partial class Letter
{
    public static string Body(string text)
    {
        var body = SignOffPattern().Replace(SalutationPattern().Replace(text.Trim(), ""), "");
        body = AnnouncementPattern().Replace(AccordinglyPattern().Replace(body, ""), "");
        // A letter that is all salutation and sign-off ("Dear assistant, many thanks. Edith") is kept as typed.
        return body.Trim().Length == 0 ? text : body.Trim();
    }

    private const RegexOptions Verbose = CommandParser.Verbose;

    // "Good morning.", "Dear assistant,", "Dear Sir or Madam," "Hello there!": a sentence of its own before the request.
    [GeneratedRegex("""
        ^(?: good\s+(?:morning|afternoon|evening|day)
           | dear\s+(?:assistant|sir(?:\s+or\s+madam)?|madam|all|(?-i:[A-Z][a-z]+))
           | (?:hello|hi|hey|greetings)(?:\s+there)?
        )\s*[,.!:;]\s*(?=\S)
        """, Verbose)]
    private static partial Regex SalutationPattern();

    // "… Yours sincerely, E. Whitcombe", "… With best wishes, Joan", "… Kind regards.", "… Many thanks."
    // Only after a sentence's end or a comma, so a title's last word ("add thank-you cards") stays.
    [GeneratedRegex("""
        (?<=[.!?,;"”'’)]|^)\s*
        (?: (?:with\s+)?(?:many\s+|best\s+|kind(?:est)?\s+|warm(?:est)?\s+|all\s+(?:the\s+)?best\s+)?(?:thanks|regards|wishes)
          | yours(?:\s+(?:sincerely|faithfully|truly|ever))? | sincerely | faithfully | best
          | thank\s+you(?:\s+(?:kindly|very\s+much|so\s+much|ever\s+so\s+much|in\s+advance))?
          | (?:many\s+)?thanks(?:\s+(?:again|in\s+advance|ever\s+so\s+much))? | cheers
        )
        [.!,]*
        (?:\s+(?-i:[A-Z][\w'.-]*)(?:\s+(?-i:[A-Z][\w'.-]*))?)?     # the name signed: "Harold", "E. Whitcombe"
        [.!]*\s*$
        """, Verbose)]
    private static partial Regex SignOffPattern();

    // "… Kindly update my list accordingly.": the report before it is the request.
    [GeneratedRegex("""
        (?<=[.!?;])\s*(?:(?:please|kindly)\s+)?(?:update|amend|adjust)\s+(?:my|the)\s+(?:todo\s+|to-do\s+|task\s+)?list\s+accordingly[.!]*$
        """, Verbose)]
    private static partial Regex AccordinglyPattern();

    // "I am pleased to report that …", "I write to let you know that …": what follows is the report.
    [GeneratedRegex("""
        ^(?: i(?:'m|\s+am)\s+(?:pleased|happy|glad|delighted|writing)\s+to\s+(?:report|say|tell\s+you|let\s+you\s+know|inform\s+you)
           | i\s+write\s+to\s+(?:let\s+you\s+know|inform\s+you|tell\s+you|report)
           | (?:this\s+is\s+)?(?:just\s+)?to\s+let\s+you\s+know
        )(?:\s+that)?\s+(?=\S)
        """, Verbose)]
    private static partial Regex AnnouncementPattern();
}
