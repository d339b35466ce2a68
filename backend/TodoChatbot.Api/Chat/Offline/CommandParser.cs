using System.Globalization;
using System.Text.RegularExpressions;

namespace TodoChatbot.Api.Chat.Offline;

/// <summary>
/// Reads a message the way a person writes to a todo assistant. Rules are tried in an order that
/// settles the overlaps between them: "add a description to task 2" is an update, not an add;
/// "I need to finish the report" is an add, not a completion; "what's the weather" is not a list
/// request, because it names neither tasks nor a status. Before the rules, <see cref="Spelling"/>
/// fixes typos in command words; a message of several clauses is read clause by clause
/// (<see cref="Clauses"/>), and statements about a task are read by <see cref="Reports"/>.
/// </summary>
public static partial class CommandParser
{
    public const string ReopenAnswer = "I can't reopen a task from the chat yet: untick it in your task list instead.";
    public const string EmptyTitleQuestion = "What should the task say? For example “add a task to buy groceries”.";

    public static OfflineCommand Parse(string message)
    {
        // Greetings and thanks first: normalizing strips "hi"/"hello" as politeness around a request.
        var bare = Apostrophes(message).Trim().TrimEnd('.', '!', '?', ' ');
        if (ThanksPattern().IsMatch(bare))
            return new HelpCommand(HelpCommand.Welcome);
        if (GreetingPattern().IsMatch(bare))
            return new HelpCommand(HelpCommand.Hello);
        var (text, confidence) = Spelling.Correct(Normalize(message));
        if (text.Length == 0 || HelpPattern().IsMatch(text))
            return new HelpCommand();
        var command = ParseSentence(text);
        // A command word two letters away from what was typed is a guess: ask rather than change a task.
        if (confidence == Confidence.Unsure && command is AddCommand or CompleteCommand or DeleteCommand or UpdateCommand)
            return new AskCommand($"Did you mean “{text}”? Say it that way and I'll do it.");
        return command;
    }

    /// <summary>
    /// A message of several clauses: the command may come last ("I don't need X anymore, delete it"),
    /// with its "it" named by an earlier clause, or first with a reason after it ("delete X, I don't
    /// need it"). A whole-message reading is kept when it is an add, a list, a change or a bulk request,
    /// because titles contain commas ("add buy eggs, milk and bread").
    /// </summary>
    private static OfflineCommand ParseSentence(string text)
    {
        var whole = ParseClause(text, reports: true);
        var clauses = Clauses.Split(text);
        if (clauses.Count < 2 || whole is AddCommand or ListCommand or UpdateCommand or BulkCommand)
            return whole;

        var last = ParseClause(Normalize(clauses[^1]), reports: false);
        if (last is not HelpCommand)
        {
            if (TargetOf(last) is { IsEmpty: true })
            {
                var named = clauses.Take(clauses.Count - 1).Reverse().Select(Reports.Subject).FirstOrDefault(subject => subject is not null);
                if (named is not null && ParseReference(named) is { IsEmpty: false } context)
                    return WithTarget(last, context);
            }
            return last;
        }
        var first = ParseClause(Normalize(clauses[0]), reports: false);
        return first is HelpCommand ? whole : first;
    }

    private static TaskReference? TargetOf(OfflineCommand command) => command switch
    {
        CompleteCommand complete => complete.Task,
        DeleteCommand delete => delete.Task,
        UpdateCommand update => update.Task,
        _ => null,
    };

    private static OfflineCommand WithTarget(OfflineCommand command, TaskReference task) => command switch
    {
        CompleteCommand complete => complete with { Task = task },
        DeleteCommand delete => delete with { Task = task },
        UpdateCommand update => update with { Task = task },
        _ => command,
    };

    /// <summary>
    /// One clause, by rules tried in an order that settles their overlaps. With <paramref name="reports"/>
    /// false, statements ("I called mom") are not read as commands: a clause beside a command is its reason.
    /// </summary>
    private static OfflineCommand ParseClause(string text, bool reports)
    {
        if (text.Length == 0)
            return new HelpCommand();
        if (ReopenPattern().IsMatch(text))
            return new AskCommand(ReopenAnswer);
        if (ParseUpdate(text) is { } update)
            return update;
        if (AddPattern().Match(text) is { Success: true } add)
            return Add(add.Groups["title"].Value);
        if (LabelledAddPattern().Match(text) is { Success: true } labelled)
            return Add(labelled.Groups["title"].Value);
        if (NeedToPattern().Match(text) is { Success: true } needTo)
            return NeedTo(needTo.Groups["title"].Value);
        if (DeletePattern().Match(text) is { Success: true } delete)
            return WithReference(delete.Groups["ref"].Value, reference => new DeleteCommand(reference));
        if (BareVerbPattern().Match(text) is { Success: true } verb)
            return verb.Groups["delete"].Success ? new DeleteCommand(new TaskReference(null, null)) : new CompleteCommand(new TaskReference(null, null));
        if (ParseComplete(text) is { } complete)
            return complete;
        if (ParseList(text) is { } list)
            return list;
        if (!reports)
            return new HelpCommand();
        if (Reports.NoLongerNeeded(text) is { } unneeded && ParseReference(unneeded) is { IsEmpty: false } task)
            return new AskCommand($"Should I delete {task.Describe()}? Say “delete {task.Words ?? task.Describe()}” and I will.");
        if (Reports.PastAction(text) is { } done)
            return WithReference(done, reference => new CompleteCommand(reference));
        return new HelpCommand();
    }

    /// <summary>
    /// "I need to call mom" is a new task, but "I want to see my tasks" or "I need to delete task 3"
    /// wrap a command: when the rest names tasks or starts with a list/add verb, it is read as that.
    /// </summary>
    private static OfflineCommand NeedTo(string rest)
    {
        if (WrappedCommandPattern().IsMatch(rest) && Parse(rest) is not HelpCommand and var inner)
            return inner;
        return Add(rest);
    }

    private static OfflineCommand? ParseUpdate(string text)
    {
        if (DescriptionOfPattern().Match(text) is { Success: true } description)
            return WithReference(description.Groups["ref"].Value,
                reference => new UpdateCommand(reference, null, CleanText(description.Groups["new"].Value)));
        if (PunctuatedUpdatePattern().Match(text) is { Success: true } punctuated)
            return Punctuated(punctuated, asks: false);
        if (NumberedUpdatePattern().Match(text) is { Success: true } numbered)
            return Punctuated(numbered, asks: !numbered.Groups["field"].Success);
        if (RenamePattern().Match(text) is { Success: true } rename)
        {
            // "change task 3 to done" asks for completion, not for a task called "Done".
            var completes = DoneWordPattern().IsMatch(rename.Groups["new"].Value.Trim());
            return WithReference(rename.Groups["ref"].Value, reference => completes
                ? new CompleteCommand(reference)
                : new UpdateCommand(reference, CleanTitle(rename.Groups["new"].Value), null));
        }
        if (RenameOnlyPattern().Match(text) is { Success: true } only && ParseReference(only.Groups["ref"].Value) is { IsEmpty: false } named)
            return new AskCommand($"What should {named.Describe()} say instead? For example “rename {named.Id switch { { } id => $"task {id}", null => named.Words }} to Call grandma”.");
        return null;
    }

    /// <summary>
    /// "update task 3: NEW", "change #2 -> NEW", "task 1 description: NEW". Without a verb or a field
    /// ("task 3: buy bread") the change is only likely, so <paramref name="asks"/> makes it a question.
    /// </summary>
    private static OfflineCommand Punctuated(Match match, bool asks)
    {
        var reference = ParseReference(match.Groups["ref"].Value);
        var value = match.Groups["new"].Value.Trim();
        if (reference is null)
            return new BulkCommand();
        if (DoneWordPattern().IsMatch(value.TrimEnd('.', '!')))
            return new CompleteCommand(reference);
        var describes = match.Groups["field"].Value.ToUpperInvariant() is "DESCRIPTION" or "NOTE" or "DETAILS";
        var title = CleanTitle(value);
        if (title.Length == 0)
            return new AskCommand($"What should {reference.Describe()} say? For example “update {reference.Describe()}: Call grandma”.");
        if (asks)
            return new AskCommand($"Should I rename {reference.Describe()} to “{title}”? Say “rename {reference.Describe()} to {title}” and I will.");
        return describes ? new UpdateCommand(reference, null, CleanText(value)) : new UpdateCommand(reference, title, null);
    }

    private static OfflineCommand? ParseComplete(string text)
    {
        foreach (var pattern in new[] { MarkDonePattern(), IFinishedPattern(), CompleteVerbPattern(), CheckOffPattern(), IsDonePattern() })
        {
            // "tasks completed" or "done ones" ask for a list, not for a task called "tasks".
            if (pattern.Match(text) is { Success: true } match && !ListObjectOnlyPattern().IsMatch(match.Groups["ref"].Value.Trim()))
                return WithReference(match.Groups["ref"].Value, reference => new CompleteCommand(reference));
        }
        return null;
    }

    private static ListCommand? ParseList(string text)
    {
        if (ShowAllPattern().IsMatch(text))
            return new ListCommand("all");
        // Idioms that name neither tasks nor a status: "what's on my plate?", "what's next?".
        if (PendingIdiomPattern().IsMatch(text))
            return new ListCommand("pending");
        var completed = CompletedWords().IsMatch(text);
        var pending = PendingWords().IsMatch(text);
        if (!ListObjectWords().IsMatch(text) && !completed && !pending)
            return null;
        if (!ListVerbPattern().IsMatch(text) && !ListObjectOnlyPattern().IsMatch(text))
            return null;
        // "not done" / "unfinished" are pending even though they contain a completion word.
        if (pending)
            return new ListCommand("pending");
        return new ListCommand(completed ? "completed" : "all");
    }

    private static OfflineCommand Add(string rawTitle)
    {
        var title = TrailingListPattern().Replace(LeadingListPattern().Replace(rawTitle.Trim(), ""), "");
        string? description = null;
        if (DescriptionSplitPattern().Match(title) is { Success: true } split)
        {
            description = CleanText(title[(split.Index + split.Length)..]);
            title = title[..split.Index];
        }
        var clean = CleanTitle(title);
        return clean.Length == 0 || EmptyTitlePattern().IsMatch(clean) ? new AskCommand(EmptyTitleQuestion) : new AddCommand(clean, description);
    }

    private static OfflineCommand WithReference(string rawReference, Func<TaskReference, OfflineCommand> command)
    {
        var reference = ParseReference(rawReference);
        return reference is null ? new BulkCommand() : command(reference);
    }

    /// <summary>"task 3", "#3", "number 3", "3" → an id; "the meeting task" → words; "all tasks" → null (bulk).</summary>
    public static TaskReference? ParseReference(string raw)
    {
        var text = raw.Trim().TrimEnd('.', '!', '?', ',');
        if (QuotedPattern().Match(text) is { Success: true } quoted)
            return new TaskReference(null, quoted.Groups["text"].Value.Trim());
        if (IdReferencePattern().Match(text) is { Success: true } id
            && int.TryParse(id.Groups["id"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            return new TaskReference(number, null);
        if (BulkPattern().IsMatch(text))
            return null;
        var words = ReferenceFillerPattern().Replace(text, " ");
        words = MultipleSpaces().Replace(words, " ").Trim();
        return new TaskReference(null, words.Length == 0 ? null : words);
    }

    /// <summary>A title as typed: quotes keep their exact text; otherwise trimmed and capitalized.</summary>
    private static string CleanTitle(string raw)
    {
        var text = raw.Trim().TrimEnd('.', '!', '?', ',', ';', ':').Trim();
        if (QuotedWholePattern().Match(text) is { Success: true } quoted)
            return quoted.Groups["text"].Value;
        return text.Length == 0 ? text : char.ToUpper(text[0], CultureInfo.InvariantCulture) + text[1..];
    }

    private static string CleanText(string raw)
    {
        var text = raw.Trim().TrimEnd('.', '!', '?', ',', ';').Trim();
        return QuotedWholePattern().Match(text) is { Success: true } quoted ? quoted.Groups["text"].Value : text;
    }

    /// <summary>Phone keyboards type ’ for ': read both the same.</summary>
    private static string Apostrophes(string text) => text.Replace('’', '\'').Replace('‘', '\'');

    /// <summary>One line, single spaces, without the politeness around the request.</summary>
    private static string Normalize(string message)
    {
        var text = MultipleSpaces().Replace(Apostrophes(message).Replace('\n', ' ').Replace('\r', ' '), " ").Trim();
        text = PolitePrefixPattern().Replace(text, "");
        text = PoliteSuffixPattern().Replace(text, "");
        return text.Trim();
    }

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    [GeneratedRegex(@"\s+", Options)]
    private static partial Regex MultipleSpaces();

    [GeneratedRegex(@"^(?:(?:hey|hi|hello|ok|okay|so|um|well|good\s+(?:morning|afternoon|evening))(?:\s+there)?\b[,!]?\s*)?(?:(?:please|pls|kindly)\s+)?(?:(?:can|could|would|will)\s+you\s+(?:please\s+)?(?:just\s+)?|(?:can|could|may)\s+i\s+(?:please\s+)?|you\s+can\s+(?:now\s+)?|just\s+(?=(?:delete|remove|mark|tick|check|cross|complete)\b))?(?:(?:i'd|i\s+would)\s+like\s+(?:you\s+)?to\s+|let's\s+|lets\s+)?(?:please\s+)?", Options)]
    private static partial Regex PolitePrefixPattern();

    [GeneratedRegex(@"[\s,]*(?:please|pls|thanks|thank\s+you|for\s+me)?[\s.!?]*$", Options)]
    private static partial Regex PoliteSuffixPattern();

    [GeneratedRegex(@"^(?:help|\?+|what\s+can\s+you\s+do|how\s+does\s+this\s+work|how\s+do\s+i\s+use\s+(?:this|you)|commands|menu|what\s+are\s+your\s+commands)$", Options)]
    private static partial Regex HelpPattern();

    [GeneratedRegex(@"^(?:hi|hello|hey|yo|howdy|good\s+(?:morning|afternoon|evening))(?:\s+there)?$", Options)]
    private static partial Regex GreetingPattern();

    [GeneratedRegex(@"^(?:thanks|thank\s+you|thx|cheers|great|perfect|awesome|nice|cool|ok|okay)(?:\s+(?:a\s+lot|so\s+much|very\s+much))?$", Options)]
    private static partial Regex ThanksPattern();

    [GeneratedRegex(@"^(?:(?:mark|set|flag|move|put)\s+.+?\s+(?:as\s+|to\s+|back\s+to\s+)?(?:not\s+(?:yet\s+)?(?:done|complete|completed|finished)|undone|incomplete|unfinished|pending|open)|(?:reopen|uncheck|untick|uncomplete|undo)\s+.+)$", Options)]
    private static partial Regex ReopenPattern();

    // update task 3: NEW · rename #4 - NEW · change task 2 → NEW · update task 1's title: NEW
    [GeneratedRegex(@"^(?:change|update|rename|edit|modify|retitle|set)\s+(?<ref>(?:(?!\s(?:to|into|as)\s)[^:=→])+?)(?:'s)?(?:\s+(?<field>title|name|description|note|details))?\s*(?::|->|→|=|\s[-–—])\s*(?<new>.*)$", Options)]
    private static partial Regex PunctuatedUpdatePattern();

    // task 3 title: NEW · task 1 description: NEW · task 3: NEW (a question) · task 3: done
    [GeneratedRegex(@"^(?<ref>(?:(?:task|todo|item|number)\s*#?\s*|#)\d+)(?:'s)?(?:\s+(?<field>title|name|description|note|details))?\s*(?::|->|→|=|\s[-–—])\s*(?<new>.*)$", Options)]
    private static partial Regex NumberedUpdatePattern();

    // rename task 2 · update the dentist task (no new title given)
    [GeneratedRegex(@"^(?:rename|retitle|update|edit|modify)\s+(?<ref>(?:(?:task|todo|item|number)\s*)?#?\d+|(?:the\s+)?.+?\s+(?:task|todo|item))$", Options)]
    private static partial Regex RenameOnlyPattern();

    // todo: call the bank · reminder - book flights
    [GeneratedRegex(@"^(?:todo|to-do|task|reminder|new\s+todo)\s*[:\-]\s*(?<title>.+)$", Options)]
    private static partial Regex LabelledAddPattern();

    // "delete" or "complete" alone: understood, but which task?
    [GeneratedRegex(@"^(?:(?<delete>delete|remove|del)|complete|finish|mark\s+(?:as\s+)?(?:done|complete))$", Options)]
    private static partial Regex BareVerbPattern();

    [GeneratedRegex(@"^(?:what's|whats|what\s+is|what\s+are)\s+(?:(?:left\s+)?on|in)\s+(?:my|the)\s+(?:plate|agenda|schedule)\b|^what's\s+next\b|^whats\s+next\b|^what\s+(?:else|remains)\b|^anything\s+else\b|^remind\s+me\s+what\b|^(?:do|have)\s+i\s+(?:got\s+|have\s+)?anything\s+(?:left\s+)?to\s+do\b|^what\s+have\s+i\s+got\s+(?:left|on)\b", Options)]
    private static partial Regex PendingIdiomPattern();

    [GeneratedRegex(@"^(?:complete|completed|done|finished)$", Options)]
    private static partial Regex DoneWordPattern();

    [GeneratedRegex(@"^(?:add|create|see|show|list|view|display|know)\b|\b(?:task|tasks|todo|todos|to-dos?|list)\b|#\d|\bnumber\s+\d", Options)]
    private static partial Regex WrappedCommandPattern();

    [GeneratedRegex(@"^(?:a\s+|an\s+|new\s+|the\s+)*(?:task|todo|to-do|item|reminder|something|one|entry)?$", Options)]
    private static partial Regex EmptyTitlePattern();

    [GeneratedRegex(@"^(?:to\s+)?(?:my|the)\s+(?:todo\s+|to-do\s+|task\s+)?list\s*[:\-]?\s*", Options)]
    private static partial Regex LeadingListPattern();

    [GeneratedRegex(@"^(?:show|list|display|view|see)(?:\s+(?:me|us))?(?:\s+(?:all|everything|them|it\s+all))?$", Options)]
    private static partial Regex ShowAllPattern();

    // add|create|… [a|an|another|new] [task|todo|…] [to|called|…] TITLE
    [GeneratedRegex(@"^(?:add|create|make(?!\s+sure)|new|put|insert|jot\s+down|note\s+down|write\s+down|schedule|save|track|set\s+up)\b\s*(?:(?:a|an|another|new|one\s+more)\b\s*)*(?:(?:task|todo|to-do|item|reminder|entry)s?\b\s*)?(?:(?:to|for|called|named|titled|that\s+says|saying|about)\b\s*|[:\-]\s*)?(?<title>.+)$", Options)]
    private static partial Regex AddPattern();

    // I need to …, remind me to …, don't let me forget to …
    [GeneratedRegex(@"^(?:(?:i\s+|i've\s+|i'll\s+|i\s+will\s+)?(?:really\s+|also\s+|still\s+)?(?:need|have|got|must|should|gotta|want|ought)\s+to\s+(?:remember\s+to\s+)?|i\s+(?:must|should|gotta)\s+|remind\s+me\s+(?:to|about)\s+|(?:please\s+)?remember\s+(?:to|that\s+i\s+(?:need|have)\s+to)\s+|don'?t\s+(?:let\s+me\s+)?forget\s+(?:to|about)\s+|i'll\s+need\s+to\s+|make\s+sure\s+(?:to|that\s+i|i)\s+)(?<title>.+)$", Options)]
    private static partial Regex NeedToPattern();

    [GeneratedRegex(@"\s+(?:to|on|in|onto|into)\s+(?:my|the)\s+(?:todo\s+|to-do\s+|task\s+)?(?:list|tasks|todos|to-dos)$", Options)]
    private static partial Regex TrailingListPattern();

    [GeneratedRegex(@"\s*(?:,\s*)?(?:\bwith\s+(?:the\s+|a\s+)?(?:description|note|details?)\b\s*:?|\b(?:description|note|details?)\s*:)\s*", Options)]
    private static partial Regex DescriptionSplitPattern();

    // change|rename|update TASK to NEW  ·  change the title of TASK to NEW
    [GeneratedRegex(@"^(?:change|update|rename|edit|modify|retitle|call|set(?=\s.+\s(?:title|name)\s+to\s))\s+(?:the\s+(?:title|name)\s+of\s+)?(?<ref>.+?)(?:'s)?(?:\s+(?:title|name))?\s+(?:to|into|as)\s*[:\-]?\s+(?<new>.+)$", Options)]
    private static partial Regex RenamePattern();

    // set|change the description of TASK to TEXT  ·  add a note to TASK: TEXT
    [GeneratedRegex(@"^(?:(?:set|change|update|edit)\s+(?:the\s+)?(?:description|note|details)\s+(?:of|for|on)\s+(?<ref>.+?)\s+to\s*:?\s+(?<new>.+)|(?:add|put|give)\s+(?:a\s+|the\s+)?(?:description|note|details)\s+(?:to|for|on)\s+(?<ref>.+?)\s*(?::|-|saying|that\s+says)\s*(?<new>.+)|(?:set|change|update|edit)\s+(?<ref>.+?)(?:'s)?\s+(?:description|note|details)\s+to\s*:?\s+(?<new>.+)|(?:add|put|give)\s+(?:a\s+|the\s+)?(?:description|note|details)\s+(?<new>.+?)\s+(?:to|for|on)\s+(?<ref>(?:task\s+|#)\S+))$", Options)]
    private static partial Regex DescriptionOfPattern();

    [GeneratedRegex(@"^(?:delete|del|remove|cancel|drop|erase|discard|trash|scrap|get\s+rid\s+of|forget(?:\s+about)?|take\s+off|cross\s+out)\s+(?<ref>.+?)(?:\s+(?:from|off)\s+(?:my|the)\s+(?:todo\s+|to-do\s+|task\s+)?(?:list|tasks|todos))?$", Options)]
    private static partial Regex DeletePattern();

    [GeneratedRegex(@"^(?:mark|set|flag|tick|check)\s+(?<ref>.+?)\s+(?:as\s+|to\s+)?(?:complete|completed|done|finished|checked(?:\s+off)?)$", Options)]
    private static partial Regex MarkDonePattern();

    [GeneratedRegex(@"^(?:complete|completed|finish|finished|done|close|finalize|check\s+off|tick\s+off|cross\s+off|strike(?:\s+off)?)\s+(?<ref>.+)$", Options)]
    private static partial Regex CompleteVerbPattern();

    [GeneratedRegex(@"^(?:check|tick|cross)\s+(?<ref>.+?)\s+off$", Options)]
    private static partial Regex CheckOffPattern();

    [GeneratedRegex(@"^(?!(?:which|what|whats|what's|how|are|is|do|does|any|anything|show|list|all|everything)\b)(?<ref>.+?)(?:'s|\s+(?:is|are|was|has\s+been|have\s+been|got))?\s+(?:now\s+)?(?:all\s+)?(?:done|complete|completed|finished)$", Options)]
    private static partial Regex IsDonePattern();

    [GeneratedRegex(@"^(?:i(?:'ve|\s+have)?\s+(?:just\s+)?(?:finished|completed|done|did)|(?:i'm\s+|i\s+am\s+)?(?:all\s+)?done\s+with|finished)\s+(?<ref>.+)$", Options)]
    private static partial Regex IFinishedPattern();

    [GeneratedRegex(@"\b(?:tasks?|todos?|to-dos?|list|items?|things|everything|anything|stuff)\b", Options)]
    private static partial Regex ListObjectWords();

    [GeneratedRegex(@"\b(?:complete|completed|done|finish|finished|(?:checked|ticked|crossed)\s+off|accomplished)\b", Options)]
    private static partial Regex CompletedWords();

    [GeneratedRegex(@"\b(?:pending|outstanding|remaining|remains|left|incomplete|unfinished|undone|open|not\s+(?:yet\s+)?(?:done|complete|completed|finished)|haven't|havent|have\s+not|didn't|didnt|did\s+not|(?:have|need|got|things|stuff)\s+to\s+do|still)\b", Options)]
    private static partial Regex PendingWords();

    [GeneratedRegex(@"^(?:show|list|display|view|see|get|give|tell|what|which|whats|what's|how\s+many|how's|how\s+is|remind|do\s+i|is\s+there|are\s+there|any|anything|my|all|check|read|print)\b", Options)]
    private static partial Regex ListVerbPattern();

    [GeneratedRegex(@"^(?:(?:(?:all|my|the|pending|completed|done|open|finished|remaining)\s+)*(?:tasks?|todos?|to-dos?|list|ones|items)|pending|completed|done|finished|open|remaining|outstanding|everything|all)$", Options)]
    private static partial Regex ListObjectOnlyPattern();

    [GeneratedRegex(@"^(?:(?:the|my)\s+)?(?:(?:task|todo|to-do|item)\s*)?(?:(?:number|no\.?)\s*)?#?\s*(?<id>\d{1,10})$", Options)]
    private static partial Regex IdReferencePattern();

    [GeneratedRegex(@"^(?:all|every|everything|each)\b|\ball\s+(?:(?:my|the|of\s+(?:my|the))\s+)?(?:tasks|todos|to-dos|items)\b|\b(?:tasks|todos|items)\s+#?\d+\s*(?:,|and|&)|#?\d+\s*(?:,|and|&)\s*#?\d+|^(?:the\s+)?(?:completed|done|finished|pending|old|open)\s+(?:tasks|todos|items|ones)$", Options)]
    private static partial Regex BulkPattern();

    // Words around a title reference that are not part of the title: "the", "my", "task", "one", "called".
    [GeneratedRegex(@"\b(?:the|my|that|this|these|those|it|them|they|a|an|task|todo|to-do|item|one|thing|entry|called|named|titled|about|for|of|with)\b", Options)]
    private static partial Regex ReferenceFillerPattern();

    [GeneratedRegex("[\"“”«»]\\s*(?<text>[^\"“”«»]+?)\\s*[\"“”«»]|(?<=^|\\s)['‘’](?<text>[^'‘’]+?)['‘’](?=$|[\\s.,!?])", Options)]
    private static partial Regex QuotedPattern();

    [GeneratedRegex("^(?:[\"“”«»](?<text>[^\"“”«»]+)[\"“”«»]|['‘’](?<text>[^'‘’]+)['‘’])$", Options)]
    private static partial Regex QuotedWholePattern();
}
