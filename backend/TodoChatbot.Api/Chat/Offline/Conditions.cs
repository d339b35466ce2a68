using System.Text.RegularExpressions;

namespace TodoChatbot.Api.Chat.Offline;

/// <summary>
/// A request put as a condition on a task: "if the dentist one is still there, get rid of it", "if
/// there's a dentist task, complete it", "is there anything about the bank? if so, tick it off". The
/// condition names the task and the request says what to do with "it"; read together they are the
/// request on that task ("get rid of the dentist one"), which the usual rules then look up: a task
/// that is not there is answered as not found, so the condition is honoured either way.
/// </summary>
internal static partial class Conditions
{
    /// <returns>The request with its "it" replaced by the task the condition names, or the text as it was.</returns>
    public static string Unwrap(string text)
    {
        // "…, if it's on there, consider it done": a condition on what was just named says nothing more.
        text = MessageText.Spaces(OnThereOnlyPattern().Replace(text, " , "));
        var condition = ConditionPattern().Match(text);
        if (!condition.Success)
            condition = StatePattern().Match(text);
        if (!condition.Success)
            return text;
        var subject = NounPattern().Replace(condition.Groups["subject"].Value.Trim(), "");
        var request = condition.Groups["request"].Value;
        if (subject.Length == 0 || PronounPattern().IsMatch(subject) || !MessageText.ItPattern().IsMatch(request))
            return text;
        return MessageText.Normalize(MessageText.ItPattern().Replace(request, subject, 1));
    }

    // "if there's a dentist task, …", "if you see anything about the dishwasher, …", "is there something about the tap on there? if there is, …"
    [GeneratedRegex("""
        ^(?: if\s+(?:there'?s|there\s+is|there\s+are|you\s+(?:still\s+)?(?:see|have|find|spot)|i\s+(?:still\s+)?have|i've\s+got)
           | is\s+there )
        \s+ (?:(?:a|an|any|one)\s+)? (?:(?:anything|something|one|task|item|thing)\s+)? (?:(?:about|for|with|called|named|on)\s+)?
        (?<subject>[^,?]+?) (?:\s+(?:on\s+there|there|in\s+there|on\s+(?:the|my)\s+(?:todo\s+)?list|still))*
        \s* (?: , | \?\s*(?:if\s+(?:so|there\s+is|yes|there's\s+one)\b)? [\s,]* )
        \s* (?:then\s+)? (?<request>.+)$
        """, CommandParser.Verbose)]
    private static partial Regex ConditionPattern();

    // "if the mom one is still there …", "if the bike task is still open, …", "if the call grandma one isn't done yet, …"
    [GeneratedRegex("""
        ^if\s+ (?<subject>[^,]+?) \s*
        (?: (?:\s+is|'s|\s+are)\s+(?:still\s+)?(?:there|on\s+there|in\s+there|on\s+(?:the|my)\s+(?:todo\s+)?list|open|pending|outstanding|undone|left|unfinished|not\s+done(?:\s+yet)?)
          | \s+(?:isn't|is\s+not|hasn't|has\s+not|haven't|wasn't)\s+(?:been\s+)?(?:done|finished|completed|dealt\s+with|ticked\s+off|sorted)(?:\s+yet)? )
        [\s,]* (?:then\s+)? (?<request>.+)$
        """, CommandParser.Verbose)]
    private static partial Regex StatePattern();

    /// <summary>
    /// "not sure if I put milk on already, add it if not": adding would be a guess either way (a
    /// duplicate, or nothing), so the assistant asks; the list answers it.
    /// </summary>
    public static bool AddsIfMissing(string text) => AddIfMissingPattern().IsMatch(text);

    [GeneratedRegex(@"\b(?:add|put)\s+(?:it|that|them)(?:\s+on)?\s+(?:if\s+not|if\s+it'?s\s+not|if\s+it\s+isn'?t|if\s+(?:it'?s\s+)?missing|unless)\b", CommandParser.Verbose)]
    private static partial Regex AddIfMissingPattern();

    [GeneratedRegex(@"(?:^|\s*[,;—–-]\s*)if\s+(?:it'?s|it\s+is|that'?s|that\s+is|so)(?:\s+(?:still\s+)?(?:on\s+there|there|on\s+(?:the|my)\s+(?:todo\s+)?list|pending|open))?\s*(?:,|(?=\s))", CommandParser.Verbose)]
    private static partial Regex OnThereOnlyPattern();

    // "the dentist thing", "the bike task", "the invoice one": the words that name it, without the noun.
    [GeneratedRegex(@"\s+(?:one|task|thing|item|stuff|to-?do)$", CommandParser.Verbose)]
    private static partial Regex NounPattern();

    [GeneratedRegex(@"^(?:it|that|this|they|them|so|anything|something)$", CommandParser.Verbose)]
    private static partial Regex PronounPattern();
}
