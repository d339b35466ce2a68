using System.Text.RegularExpressions;

namespace TodoChatbot.Api.Chat.Offline;

/// <summary>
/// Reads a request to change a task: a new title ("rename task 2 to Call grandma", "update task 3: …",
/// "change #2 -> …") or a new description ("add a note to task 1: …"). "change task 3 to done" asks
/// for completion, not for a task called "Done".
/// </summary>
internal static partial class UpdateRequests
{
    public static OfflineCommand? Parse(string text)
    {
        // "rename both the dentist and the groceries tasks": the tools change one task at a time.
        if (SeveralPattern().IsMatch(text))
            return new BulkCommand();
        // "I should like to alter the wording of one of my tasks": a change, but of which task?
        if (SomeTaskPattern().IsMatch(text))
            return new UpdateCommand(new TaskReference(null, null), null, null);
        if (DescriptionPattern().Match(text) is { Success: true } description)
            return CommandParser.OnTask(description.Groups["ref"].Value,
                task => new UpdateCommand(task, null, MessageText.Description(description.Groups["new"].Value)));
        if (ChangeThenMakeItPattern().Match(text) is { Success: true } makeIt)
            return Renamed(makeIt);
        // "task 3 - rename to NEW" names its verb after the separator: read before "task 3 - NEW".
        if (RenameAfterPattern().Match(text) is { Success: true } after)
            return Renamed(after);
        if (PunctuatedPattern().Match(text) is { Success: true } punctuated)
            return Punctuated(punctuated, likelyOnly: false);
        if (NumberedPattern().Match(text) is { Success: true } numbered)
            return Punctuated(numbered, likelyOnly: !numbered.Groups["field"].Success && !numbered.Groups["arrow"].Success);
        foreach (var pattern in NewTitlePatterns)
        {
            if (pattern.Match(text) is { Success: true } rename)
                return Renamed(rename, sayInstead: pattern == ShouldSayPattern());    // generated patterns are singletons
        }
        if (RenameOnlyPattern().Match(text) is { Success: true } only
            && TaskReferences.Parse(only.Groups["ref"].Value) is { IsEmpty: false } named)
            return new NewTitleMissing(named);
        return null;
    }

    private static readonly Regex[] NewTitlePatterns =
        [RenamePattern(), ShouldSayPattern(), MakeSayPattern(), ReplacePattern(), QuotedTitlePattern(), NumberThenTitlePattern(), TypoPattern(),
         ItShouldSayPattern(), ChangeInPattern()];

    /// <summary>A new title for the task the match names, or its completion when the "title" is "done".</summary>
    private static OfflineCommand Renamed(Match match, bool sayInstead = false)
    {
        // "could the bike one say fix the brakes instead?": "instead" is about the change, not the title
        // (after "change task 1 to …" it may be the title's: "Buy food instead").
        var value = match.Groups["new"].Value.Trim();
        if (sayInstead)
            value = InsteadPattern().Replace(value, "");
        var title = MessageText.Title(value);
        return CommandParser.OnTask(match.Groups["ref"].Value, task => IsDoneWord(value) ? new CompleteCommand(task)
            : title.Length == 0 ? new NewTitleMissing(task)
            : new UpdateCommand(task, title, null));
    }

    /// <summary>"complete", "done", "finished": a status rather than a title.</summary>
    public static bool IsDoneWord(string text) => DoneWordPattern().IsMatch(text.Trim().TrimEnd('.', '!'));

    /// <summary>
    /// "update task 3: NEW", "change #2 -> NEW", "task 1 description: NEW". Without a verb, a field or
    /// an arrow ("task 3: buy bread") the change is only likely, so <paramref name="likelyOnly"/> makes
    /// it a proposal; an arrow ("#3 -> NEW") says "becomes" by itself.
    /// </summary>
    private static OfflineCommand Punctuated(Match match, bool likelyOnly)
    {
        var task = TaskReferences.Parse(match.Groups["ref"].Value);
        var value = match.Groups["new"].Value.Trim();
        if (task is null)
            return new BulkCommand();
        if (IsDoneWord(value))
            return new CompleteCommand(task);
        // "task 4: new title 'Walk Biscuit'", "the bike task: title 'Fix the brakes'": the field named after the separator.
        if (FieldFirstPattern().Match(value) is { Success: true } field)
        {
            value = value[field.Length..];
            likelyOnly = false;
            if (field.Groups["description"].Success)
                return new UpdateCommand(task, null, MessageText.Description(value));
        }
        var title = MessageText.Title(value);
        if (title.Length == 0)
            return new NewTitleMissing(task);
        if (likelyOnly)
            return new Proposal(new UpdateCommand(task, title, null));
        var describes = DescriptionFieldPattern().IsMatch(match.Groups["field"].Value);
        return describes
            ? new UpdateCommand(task, null, MessageText.Description(value))
            : new UpdateCommand(task, title, null);
    }

    private const RegexOptions Verbose = CommandParser.Verbose;

    private const string Field = $"{Words.TitleField}|{Words.DescriptionField}";

    // "update task 3: NEW", "rename #4 - NEW", "change task 2 → NEW", "update task 1's title: NEW"
    [GeneratedRegex($$"""
        ^(?:{{Words.ChangeVerbs}}|set|(?:fix|correct)\s+(?:the\s+|a\s+)?(?:typo|spelling|title|name)\s+(?:in|of|on))\s+
        (?:the\s+(?:{{Words.TitleField}})\s+(?:of|for)\s+)?
        (?<ref>(?:(?!\s(?:to|into|as)[\s:])[^:=→])+?)  # the task: up to the separator, and not "… to …"
        (?:'s)?
        (?:\s+(?:with\s+)?(?:a\s+|the\s+)?(?:new\s+)?(?<field>{{Field}}))?
        \s*(?:{{Words.Arrow}})\s*
        (?<new>.*)$
        """, Verbose)]
    private static partial Regex PunctuatedPattern();

    // "task 3 title: NEW", "task 1 description: NEW", "task 3: NEW" (only likely), "task 3: done"
    [GeneratedRegex($$"""
        ^(?: (?<ref>(?:(?:task|todo|item|number)\s*\#?\s*|\#)\d+)
             (?:'s)?
             (?:\s+(?<field>{{Field}}|rename|new\s+title|new\s+name))?
             \s*(?:(?<arrow>->|→)|{{Words.Arrow}})
           | (?<ref>\d+)\s*(?<arrow>->|→|=)                                # "20 → NEW", "4 = NEW": a bare number only with an arrow
        )\s*
        (?<new>.*)$
        """, Verbose)]
    private static partial Regex NumberedPattern();

    // "change|rename|update TASK to NEW", "change the title of TASK to NEW", "set task 4 title to NEW"
    [GeneratedRegex($$"""
        ^(?: {{Words.ChangeVerbs}}|call
           | set(?=\s.*\b(?:{{Words.TitleField}})\b.*\s(?:to|as)\s)       # "set" only with the field named
           | swap(?=\s+the\s+(?:{{Words.TitleField}})\s)                    # "swap the wording on task 3 to NEW"
        )\s+
        (?:the\s+(?:{{Words.TitleField}})\s+(?:of|on|for)\s+)?
        (?<ref>.+?)(?:'s)?
        (?:\s+(?:{{Words.TitleField}}))?
        (?:\s+from\s+.+?)?                                            # "change task 1 from OLD to NEW"
        (?:\s+(?:to|into|as)\s*[:\-]?\s+ | \s+so\s+(?:that\s+)?it\s+(?=says\b|reads\b))   # "edit #2 so it says NEW"
        (?:(?:say|says|reads|be\s+called|be\s+named)\s+|read\s+(?=["“'‘]))?   # "change task 2 to say NEW", "to read 'NEW'"
        (?<new>.+)$
        """, Verbose)]
    private static partial Regex RenamePattern();

    // "task 2 should say NEW", "the dentist task should be NEW", "make task 2 say NEW"
    [GeneratedRegex($$"""
        ^(?:make\s+|can\s+|could\s+|would\s+|for\s+)?                        # "for number 1 to say NEW", once "would it be cheeky to ask" is gone
        (?<ref>{{NamedTask}})
        \s+(?:(?:should|must|needs\s+to|has\s+to|ought\s+to)\s+(?:now\s+|really\s+|actually\s+|probably\s+)?)?
        (?:possibly\s+|perhaps\s+|please\s+|now\s+|just\s+|to\s+(?=(?:say|read)\b))?
        (?:{{SayWords}})\s+
        (?!(?:there|here|in\s+there|on\s+(?:there|the\s+list|my\s+list)|somewhere|in\s+the\s+list)[.!?]*$)   # "… should be there": where it is
        (?<new>.+)$
        """, Verbose)]
    private static partial Regex ShouldSayPattern();

    // "make fix the bike say fix the bike brakes": any words for the task when "make … say" frames them
    [GeneratedRegex("""^make\s+(?<ref>.+?)\s+(?:say|read)\s+(?<new>.+)$""", Verbose)]
    private static partial Regex MakeSayPattern();

    // rename task 2 "NEW": a quoted title needs no "to"
    [GeneratedRegex($$"""^(?:{{Words.ChangeVerbs}}|make)\s+(?<ref>{{NamedTask}})\s+(?<new>["“].+["”])$""", Verbose)]
    private static partial Regex QuotedTitlePattern();

    // "retitle task 1 NEW", "call #2 NEW": after a task number the new title needs no "to"
    [GeneratedRegex($$"""
        ^(?:rename|retitle|call|name|make)\s+
        (?<ref>(?:{{Words.TaskNoun}}|number)\s*\#?\s*(?:\d+|{{Words.NumberWords}})\b|\#\d+
              | (?<=^(?:rename|retitle)\s+)(?:it|that|this)(?:\s+one)?                   # "… and retitle it NEW"
              | (?<=^(?:rename|retitle)\s+)\d+(?=\s+(?!(?:to|into|as)\b)\S))            # a terminal's "rename 6 NEW"
        \s+(?!(?:to|into|as)\b)(?<new>.+)$
        """, Verbose)]
    private static partial Regex NumberThenTitlePattern();

    // "typo in #7, should be NEW", "fix the spelling of task 2: NEW"
    [GeneratedRegex($$"""
        ^(?: (?:there's\s+)?(?:a\s+)?(?:typo|mistake|spelling\s+mistake|misspelling)\s+in
           | fix\s+(?:the\s+)?(?:typo|spelling|mistake)\s+(?:in|of|on)
        )\s+
        (?<ref>{{NamedTask}})
        (?:\s*[,:\-–]\s*|\s+)(?:it\s+)?(?:should\s+(?:be|say|read)|to)\s*:?\s+
        (?<new>.+)$
        """, Verbose)]
    private static partial Regex TypoPattern();

    // "correct task 4, it should say NEW", "fix the dentist task: it must be NEW" (a learner's "it must be say NEW")
    [GeneratedRegex($$"""
        ^(?:correct|fix|change|update|edit|amend)\s+(?:the\s+)?
        (?<ref>{{NamedTask}})
        \s*[,:\-–]?\s*(?:it|the\s+(?:{{Words.TitleField}}))\s+(?:should|must|has\s+to|needs\s+to)\s+(?:be\s+)?(?:say|read|be\s+called)?\s*:?\s+
        (?<new>.+)$
        """, Verbose)]
    private static partial Regex ItShouldSayPattern();

    // "change the task 2 in Call dad": a learner's "in" (German "in", Spanish "en") for "into", after a task number only
    [GeneratedRegex($$"""
        ^(?:change|update|modify|turn)\s+(?:the\s+)?
        (?<ref>(?:{{Words.TaskNoun}}|number)\s*\#?\s*(?:\d+|{{Words.NumberWords}})\b|\#\d+)
        \s+in\s+(?<new>.+)$
        """, Verbose)]
    private static partial Regex ChangeInPattern();

    // "task 3 - rename to NEW", "task 3, change it to NEW"
    [GeneratedRegex($$"""
        ^(?<ref>{{NamedTask}})\s*(?:[:,\-–—]\s*)?
        (?:rename|retitle|change|update)\s+(?:it\s+)?(?:to|as|into)\s*[:\-]?\s+
        (?<new>.+)$
        """, Verbose)]
    private static partial Regex RenameAfterPattern();

    // "rejig the card one – make it NEW": the change, then what it should say
    [GeneratedRegex($$"""^(?:{{Words.ChangeVerbs}})\s+(?<ref>.+?)\s*[-–—:,]\s*(?:make\s+it|call\s+it|it\s+should\s+(?:say|be))\s+(?:say\s+)?(?<new>.+)$""", Verbose)]
    private static partial Regex ChangeThenMakeItPattern();

    // "replace task 2 with NEW", "swap read the book for read two chapters"
    [GeneratedRegex($$"""^(?:replace|swap)\s+(?<ref>{{NamedTask}}|.+?)\s+(?:with|for)\s+(?<new>.+)$""", Verbose)]
    private static partial Regex ReplacePattern();

    /// <summary>Words that introduce a new title: "to say …", "should read …", "to be called …".</summary>
    private const string SayWords = @"say|read|be\s+called|be\s+named|be\s+renamed(?:,?\s+(?:perhaps|maybe|possibly),?)?(?:\s+(?:to|as))?|be\s+changed\s+to|be";

    /// <summary>A task named plainly enough to be renamed without a verb: "task 2", "#2", "the dentist task", "“…”".</summary>
    private const string NamedTask = $$"""
        (?: (?:{{Words.TaskNoun}}|number)\s*\#?\s*(?:\d+|{{Words.NumberWords}})\b | \#\d+
          | the\s+.+?\s+(?:{{Words.TaskNoun}}|one|thing|call|run|job) | ["“'].+?["”']
          | the\s+(?:one|task|item)\s+(?:about|for|with|called|named)\s+.+?          # "the one about the dog"
        )
        """;

    // "rename task 2", "update the dentist task", "fix the typo in task 2": a change without the new title
    [GeneratedRegex($$"""
        ^(?:rename|retitle|update|edit|modify|change|rejig|tweak|amend|reword|fix\s+(?:the\s+|a\s+)?(?:typo|spelling|mistake)\s+(?:in|of|on))\s+
        (?<ref> (?:(?:task|todo|item|number)\s*)?\#?\d+
              | (?:task|todo|item|number)\s+(?:{{Words.NumberWords}})
              | (?:the\s+)?.+?\s+(?:task|todo|item|one)
        )
        (?:\s+(?:to|into|as))?$
        """, Verbose)]
    private static partial Regex RenameOnlyPattern();

    // A new description: "set the description of TASK to TEXT", "add a note to TASK: TEXT",
    // "change TASK's description to TEXT", "add description TEXT to task 3"
    [GeneratedRegex($$"""
        ^(?: (?:set|change|update|edit)\s+(?:the\s+)?(?:{{Words.DescriptionField}})\s+(?:of|for|on)\s+
             (?<ref>.+?)\s+to\s*:?\s+(?<new>.+)
           | (?:add|put|give|stick|pop|leave)\s+(?:a\s+|the\s+)?(?:{{Words.DescriptionField}})\s+(?:to|for|on)\s+
             (?<ref>.+?)\s*(?::|-|–|—|saying|that\s+says)\s*(?<new>.+)
           | on\s+(?<ref>.+?),\s*(?:put|add|write|stick|pop)\s+(?<new>.+?)\s+in\s+(?:the|its)\s+(?:{{Words.DescriptionField}})   # "on the passport one, put … in the notes"
           | (?:{{Words.ChangeVerbs}})\s+(?<ref>.+?)\s*\((?:{{Words.DescriptionField}})\s*:\s*(?<new>[^()]+)\)                 # "tweak the groceries one (note: …)"
           | (?:set|change|update|edit)\s+(?<ref>.+?)(?:'s)?\s+(?:{{Words.DescriptionField}})\s+to\s*:?\s+
             (?<new>.+)
           | (?:add|put|give)\s+(?:a\s+|the\s+)?(?:{{Words.DescriptionField}})\s+
             (?<new>.+?)\s+(?:to|for|on)\s+(?<ref>(?:task\s+|\#)\S+)
           | (?:add|put|write)\s+(?<new>.+?)\s+(?:in|into|as)\s+(?:the\s+)?(?:{{Words.DescriptionField}})\s+(?:of|for|on)\s+
             (?<ref>.+)                                                       # put "…" in the details of task 3
           | describe\s+(?<ref>.+?)\s+as\s+(?<new>.+)
           | (?:the\s+)?(?:{{Words.DescriptionField}})\s+(?:for|of|on)\s+(?<ref>{{NamedTask}})\s*:\s*(?<new>.+)   # "description for task 1: …"
           | (?:set|change|update|edit)\s+(?:the\s+)?(?:{{Words.DescriptionField}})\s+(?:of|for|on)\s+
             (?<ref>.+?)\s*:\s*(?<new>.+)                                     # "update the description on the rent task: …"
           | (?:{{Words.ChangeVerbs}})\s+(?<ref>{{NamedTask}})\s*(?:[-–—:,]\s*)?(?:the\s+|its\s+)?(?:{{Words.DescriptionField}})
             \s*(?:(?:should|must|needs\s+to)\s+(?:now\s+)?(?:be|say|read)|to\s+be|:)\s*:?\s*(?<new>.+)   # "edit task 2 - description should be: …"
           | give\s+(?<ref>.+?)\s+(?:a|the)\s+(?:{{Words.DescriptionField}})\s*(?::|-|saying|that\s+says|of)\s*(?<new>.+)
           | (?<ref>{{NamedTask}})(?:'s)?\s+(?:{{Words.DescriptionField}})\s+(?:should|must|needs\s+to)\s+(?:now\s+)?
             (?:be|say|read)\s+(?<new>.+)
           | (?<ref>{{NamedTask}})\s+(?:needs|gets|could\s+use|should\s+have)\s+(?:a|an|the)\s+(?:{{Words.DescriptionField}})
             \s*(?::|-|saying|that\s+says)\s*(?<new>.+)                      # "the first item needs a note: …"
        )$
        """, Verbose)]
    private static partial Regex DescriptionPattern();

    [GeneratedRegex($$"""
        ^(?:{{Words.ChangeVerbs}})\s+(?:both|all\s+(?:of\s+)?(?:these|those|the\s+following)|several|each\s+of)\b
        | ^(?:(?:can|could|would)\s+)?the\s+(?:first|last|top|bottom)\s+(?:two|three|four|five|few|couple|\d+)\b.*\s(?:renamed|changed|called|say)\b   # "could the first two be renamed …"
        """, Verbose)]
    private static partial Regex SeveralPattern();

    [GeneratedRegex($$"""
        ^(?:{{Words.ChangeVerbs}})\s+(?:the\s+(?:{{Words.TitleField}})\s+(?:of|on|for)\s+)?
        (?:one\s+of\s+(?:my|the)\s+(?:{{Words.ListNoun}})|a\s+task|an?\s+(?:item|entry)|something(?:\s+on\s+my\s+list)?)$
        """, Verbose)]
    private static partial Regex SomeTaskPattern();

    [GeneratedRegex($$"""^(?:new\s+)?(?:(?<title>{{Words.TitleField}})|(?<description>{{Words.DescriptionField}}))\s*[:\-]?\s+(?=\S)""", Verbose)]
    private static partial Regex FieldFirstPattern();

    [GeneratedRegex(@"\s+instead[\s.!?]*$", Verbose)]
    private static partial Regex InsteadPattern();

    [GeneratedRegex($$"""^(?:{{Words.DescriptionField}})$""", Verbose)]
    private static partial Regex DescriptionFieldPattern();

    [GeneratedRegex($$"""^(?:{{Words.Done}})$""", Verbose)]
    private static partial Regex DoneWordPattern();
}
