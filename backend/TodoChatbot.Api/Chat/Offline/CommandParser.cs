using System.Globalization;
using System.Text.RegularExpressions;
using TodoChatbot.Contracts;

namespace TodoChatbot.Api.Chat.Offline;

/// <summary>
/// Reads a message the way a person writes to a todo assistant, and returns what it understood
/// (<see cref="OfflineCommand"/>); <see cref="OfflinePlanner"/> words the answer. Rules are tried in
/// an order that settles the overlaps between them: "add a description to task 2" is an update, not
/// an add; "I need to finish the report" is an add, not a completion; "what's the weather" is not a
/// list request, because it names neither tasks nor a status. Before the rules, <see cref="Spelling"/>
/// fixes typos in command words; a message of several clauses is read clause by clause
/// (<see cref="Clauses"/>), and statements about a task are read by <see cref="Reports"/>.
/// The patterns are composed from the word lists in <see cref="Words"/>.
/// </summary>
public static partial class CommandParser
{
    /// <summary>Options of every rule: case-insensitive, culture-invariant, and written with comments.</summary>
    internal const RegexOptions Verbose = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant
        | RegexOptions.ExplicitCapture | RegexOptions.IgnorePatternWhitespace;

    public static OfflineCommand Parse(string message)
    {
        // Greetings and thanks first: normalizing strips "hi"/"hello" as politeness around a request.
        var bare = MessageText.Apostrophes(message).Trim().TrimEnd('.', '!', '?', ' ');
        if (ThanksPattern().IsMatch(bare))
            return new HelpCommand(Courtesy.Thanks);
        if (GreetingPattern().IsMatch(bare))
            return new HelpCommand(Courtesy.Greeting);
        var normalized = MessageText.NormalizeMessage(message);
        var (corrected, confidence) = Spelling.Correct(normalized);
        // "coudl you maybe compelte task 9": the politeness around the request, read once its words are spelt right.
        if (confidence != Confidence.Exact)
            corrected = MessageText.Normalize(corrected);
        // "if the dentist one is still there, get rid of it": the request on the task the condition names.
        var text = Conditions.Unwrap(corrected);
        if (Conditions.AddsIfMissing(text))
            return new AddIfMissing();
        if (text.Length == 0 || HelpPattern().IsMatch(text))
            return new HelpCommand();
        // "delete task 3, no wait, 4": the request as finally meant.
        var command = SelfCorrections.Read(text, ParseSentence) ?? ParseSentence(text);
        // "2 is done ✅", "feed the cat ✔️", "delete #2 now 😤": an emoji at the end is a reaction or a check
        // mark, not words of the request. Only a title keeps its emoji ("add cake 🎂"), so the message is
        // read without it unless it adds or renames as typed.
        if (command is not (AddCommand or UpdateCommand)
            && MessageText.ReadTrailingEmoji(text) is var words && words != text
            && MessageText.Normalize(words) is var unadorned
            && ParseSentence(unadorned) is not HelpCommand and var plain)
            return confidence == Confidence.Unsure && Changes(plain) ? new Misspelt(unadorned) : plain;
        // "maybe just lose that one?", "should I delete the report one", "… should say X instead? not sure":
        // a delete or a change said with doubt is put as a question. A hedged add or completion is
        // safe to act on (the person can delete the task or untick it).
        if (command is DeleteCommand { Task.IsEmpty: false } or UpdateCommand { Task.IsEmpty: false } && HedgePattern().IsMatch(message))
            return new Proposal(command);
        // A command word two letters away from what was typed is a guess: ask rather than change a task.
        if (confidence == Confidence.Unsure && Changes(command))
            return new Misspelt(text);
        if (command is not HelpCommand)
            return command;
        // "the third one", "okay um the dentist one": a task named and nothing asked of it. (A single word
        // alone, "dentist", stays the help text: it may be anything, and asking would cost a list.)
        if (command is HelpCommand { Courtesy: Courtesy.None } && BareReferencePattern().IsMatch(text)
            && TaskReferences.Parse(text) is { IsEmpty: false } named)
            return new BareReference(named);
        // A real word where a command word belongs ("shoe my tasks", "crate a task to …"), when the
        // message means nothing as typed: a list or a new task is safe to act on, anything else is asked.
        var (guess, guessConfidence) = Spelling.Correct(normalized, realWords: true);
        if (guess == corrected || ParseSentence(guess) is not (not HelpCommand and var meant))
            return command;
        var safe = meant is ListCommand || (meant is AddCommand && guessConfidence != Confidence.Unsure);
        return safe ? meant : new Misspelt(guess);
    }

    [GeneratedRegex("""
        \b(?:maybe|perhaps|not\s+sure|unsure|i\s+doubt|should\s+i|shall\s+i|what\s+do\s+you\s+think|do\s+you\s+think|is\s+that\s+(?:ok|okay|wise|silly|doable)
            |would\s+it\s+be\s+(?:silly|bad|wrong|wise|crazy|mad|better|a\s+good\s+idea))\b
        """, Verbose)]
    private static partial Regex HedgePattern();

    [GeneratedRegex($$"""
        ^(?: the\s+(?:[a-z'-]+\s+){0,2}(?:one|{{Words.TaskNoun}}|thing)
           | the\s+(?:{{Words.Ordinals}}|{{Words.Ends}})(?:\s+(?:one|{{Words.TaskNoun}}))?
        )[?.!]*$
        """, Verbose)]
    private static partial Regex BareReferencePattern();

    private static bool Changes(OfflineCommand command) =>
        command is AddCommand or CompleteCommand or DeleteCommand or UpdateCommand;

    /// <summary>
    /// A message of several clauses: the command may come last ("I don't need X anymore, delete it"),
    /// with its "it" named by an earlier clause, or first with a reason after it ("delete X, I don't
    /// need it"). A whole-message reading is kept when it is an add, a list, a change or a bulk
    /// request, because titles contain commas ("add buy eggs, milk and bread").
    /// </summary>
    private static OfflineCommand ParseSentence(string text)
    {
        // "… I fetched the kids – that's number 14": the number names the task the words spoke of.
        if (ThatsNumberPattern().Match(text) is { Success: true } numbered
            && ParseSentence(numbered.Groups["said"].Value) is { } spoken && TargetOf(spoken) is { IsEmpty: false })
            return WithTarget(spoken, new TaskReference(int.Parse(numbered.Groups["id"].Value, CultureInfo.InvariantCulture), null));
        var whole = ParseClause(text, reports: true);
        // "Right, the car failed its MOT, typical. Add book the car in, with a note saying …": a story,
        // then the request in a sentence of its own, read whole so its commas stay the request's.
        if (whole is not AddCommand && LastSentencePattern().Match(text) is { Success: true } sentence
            && ParseClause(MessageText.Normalize(sentence.Groups["last"].Value), reports: false) is AddCommand added)
            return added;
        // "the garage is heaving, so jot down hire a skip – the big one, not the midi": an add after "so"
        // is the request, with every comma after it the title's.
        if (whole is not AddCommand && ThenAddPattern().Match(text) is { Success: true } then
            && ParseClause(MessageText.Normalize(then.Groups["add"].Value), reports: false) is AddCommand thenAdded)
            return thenAdded;
        var clauses = Clauses.Split(text);
        // "my boss wants the numbers by friday, add finish the slides": an add, or a change to a named
        // task, said last is the request, whatever list words the clauses before it hold.
        if (whole is ListCommand && clauses.Count > 1
            && ParseClause(MessageText.Normalize(clauses[^1]), reports: false) is var said
            && (said is AddCommand || TargetOf(said) is { IsEmpty: false }))
            return said;
        if (clauses.Count < 2 || whole is AddCommand or ListCommand or UpdateCommand or BulkCommand)
            return whole;

        var lastClause = MessageText.Normalize(clauses[^1]);
        // "called mom. done": a state on its own after a statement completes what the statement names.
        var last = UpdateRequests.IsDoneWord(lastClause)
            ? new CompleteCommand(NoTask)
            : ParseClause(lastClause, reports: false);
        if (last is not HelpCommand)
        {
            if (TargetOf(last) is { IsEmpty: true })
            {
                var earlier = clauses.Take(clauses.Count - 1).Reverse().ToArray();
                var named = earlier.Select(NamedIn).FirstOrDefault(subject => subject is { IsEmpty: false })
                    ?? earlier.Select(Reports.Loose).FirstOrDefault(subject => subject is { IsEmpty: false });
                if (named is not null)
                    return WithTarget(last, named);
            }
            // "buy milk - add it to my list": the title is the clause the "it" stands for; "I still need to
            // buy milk, add it": the task that clause asks for.
            if (last is TitleMissing && ParseClause(MessageText.Normalize(clauses[^2]), reports: false) is var before)
            {
                if (before is AddCommand wanted)
                    return wanted;
                if (clauses.Count == 2 && before is HelpCommand)
                    return Add(clauses[0]);
            }
            return last;
        }
        // A command first is the message and the rest its reason ("delete X, I don't need it"); a
        // command with no task ("I did it! I walked the dog") waits for a statement that names one.
        var first = ParseClause(MessageText.Normalize(clauses[0]), reports: false);
        // "strike the website update off, we're not doing it anymore": done or dropped? Ask about the delete.
        if (first is CompleteCommand { Task.IsEmpty: false } struck
            && clauses.Skip(1).Any(clause => Reports.Read(clause) is { Outcome: Outcome.NotNeeded }))
            return new Proposal(new DeleteCommand(struck.Task));
        if (first is not (HelpCommand or ListCommand) && TargetOf(first) is not { IsEmpty: true })
        {
            var several = first is CompleteCommand or DeleteCommand && clauses.Skip(1).Any(NamesAnotherTask);
            return several ? new BulkCommand() : first;
        }
        // No clause is a command: the statement that names most is the message ("I finally did it, I
        // called mom"); with none, the message is read whole ("done - groceries").
        var statements = clauses
            .Select(clause => ParseClause(MessageText.Normalize(clause), reports: true))
            .Where(reading => reading is CompleteCommand or Proposal)
            .ToArray();
        // "dog walked, groceries bought": two reports are two tasks, and the tools do one at a time.
        var reported = statements.OfType<CompleteCommand>()
            .Select(reading => reading.Task.Words)
            .Where(words => words is not null && words.Split(' ').Any(word => word.Length >= 3))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Count();
        if (reported >= 2)
            return new BulkCommand();
        return statements.OrderByDescending(reading => TargetOf(reading)?.Words?.Length ?? 0).FirstOrDefault() ?? whole;
    }

    /// <summary>
    /// The task an earlier clause names for a later "it": the target of a command ("forget the
    /// dentist, delete it"), or what a statement is about ("the groceries got delivered, …").
    /// </summary>
    private static TaskReference? NamedIn(string clause) =>
        TargetOf(ParseClause(MessageText.Normalize(clause), reports: false)) ?? Reports.Subject(clause)
        ?? (AboutPattern().Match(clause) is { Success: true } about ? TaskReferences.Parse(about.Groups["ref"].Value) : null)
        ?? (PointlessPattern().Match(clause) is { Success: true } pointless ? TaskReferences.Parse(pointless.Groups["ref"].Value) : null);

    // "I'm afraid tidying my room is rather pointless", "so that bill thing is moot": a task said to be of no use
    [GeneratedRegex(@"^(?:(?:so|and|but)\s+)?(?:i'm\s+afraid\s+|i\s+think\s+)?(?<ref>.+?)\s+(?:is|seems|feels|looks)\s+(?:now\s+)?(?:rather\s+|a\s+bit\s+|totally\s+|completely\s+|kind\s+of\s+|pretty\s+|quite\s+)?(?:pointless|unnecessary|redundant|moot|irrelevant|a\s+waste\s+of\s+time)$", Verbose)]
    private static partial Regex PointlessPattern();

    // "circle back on the Alex one and retitle it …", "about the dentist: delete it": what the clause is about
    [GeneratedRegex(@"^(?:circle\s+back\s+(?:on|to)|follow\s+up\s+on|about|regarding|re:?|as\s+for|as\s+to|going\s+back\s+to)\s+(?<ref>.+)$", Verbose)]
    private static partial Regex AboutPattern();

    /// <summary>
    /// "delete groceries, mom": a clause after a command that is a short name and no reason ("…, I
    /// don't need it", "…, she's visiting") names another task, so the command is for several.
    /// </summary>
    private static bool NamesAnotherTask(string clause)
    {
        var words = clause.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length <= 4 && ParseClause(MessageText.Normalize(clause), reports: false) is HelpCommand
            && !ReasonPattern().IsMatch(clause) && Reports.Read(clause) is null;
    }

    [GeneratedRegex(@"^.*[.!?]\s+(?<last>[^.!?]+)[.!?]*$", Verbose)]
    internal static partial Regex LastSentencePattern();

    [GeneratedRegex(@"^(?<said>.+?)\s*[-–—,;:(]\s*(?:that's|that\s+is|that\s+was|it's|it\s+is)\s+(?:task\s+|number\s+|no\.?\s*|item\s+)?\#?(?<id>\d{1,6})\)?[.!]*$", Verbose)]
    private static partial Regex ThatsNumberPattern();

    [GeneratedRegex($$"""[,;]\s*(?:and\s+)?so\s+(?:please\s+)?(?<add>(?:{{Words.AddVerbs}})\s.+)$""", Verbose)]
    private static partial Regex ThenAddPattern();

    // How a reason after a command begins: "…, I called her", "…, she's visiting", "…, because …"
    [GeneratedRegex("""
        ^(?:i|i'm|i've|i'll|i'd|she|she's|he|he's|they|they're|we|we're|it|it's|that|that's|this|because|since|as|cause
            |so|please|thanks|thank|ok|okay|now|just|no|yes|not|never|don't|already|finally|yesterday|today|why|how)\b
        | \b(?:is|are|was|were|has|have|had|did|does|do)\b | n't\b
        """, Verbose)]
    private static partial Regex ReasonPattern();

    /// <summary>Words that stand for a task named elsewhere: "add it", "delete that".</summary>
    private static bool IsPronoun(string title) =>
        title.ToLowerInvariant() is "it" or "that" or "this" or "this one" or "that one";

    private static TaskReference? TargetOf(OfflineCommand command) => command switch
    {
        Proposal proposal => TargetOf(proposal.Command),
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
            return new ReopenRequest();
        if (UpdateRequests.Parse(text) is { } update)
            return update;
        // "set a reminder for the invoice at 9am": a time to be reminded at, which a list cannot keep.
        if (TimedReminderPattern().IsMatch(text))
            return new TimedReminder();
        if (AddPattern().Match(text) is { Success: true } add)
            return Add(add.Groups["title"].Value);
        if (LabelledAddPattern().Match(text) is { Success: true } labelled)
            return Add(labelled.Groups["title"].Value);
        if (NeedToPattern().Match(text) is { Success: true } needTo)
            return NeedTo(needTo.Groups["title"].Value);
        if (DeletePattern().Match(text) is { Success: true } delete)
            return Delete(delete.Groups["ref"].Value);
        if (BareVerbPattern().Match(text) is { Success: true } verb)
        {
            if (verb.Groups["add"].Success)
                return new TitleMissing();
            if (verb.Groups["change"].Success)
                return new UpdateCommand(NoTask, null, null);
            return verb.Groups["delete"].Success ? new DeleteCommand(NoTask) : new CompleteCommand(NoTask);
        }
        // "task 6 to be marked complete", "the mum call can be ticked", "task 'X' - to be removed", "status of task 9: done"
        if (PassivePattern().Match(text) is { Success: true } passive)
            return OnTask(passive.Groups["ref"].Value, task => passive.Groups["removed"].Success
                ? new DeleteCommand(task) : new CompleteCommand(task));
        if (ParseComplete(text) is { } complete)
            return complete;
        if (MarkAsPastPattern().Match(text) is { Success: true } markAs
            && PastTense.BaseForm(markAs.Groups["verb"].Value) is not null)
            return OnTask(markAs.Groups["ref"].Value, task => new CompleteCommand(task));
        // "mark #4" says what to mark, not as what: most likely done, so ask.
        // "mark it" after a statement completes what the statement names.
        if (MarkOnlyPattern().Match(text) is { Success: true } markOnly
            && !ListRequests.NamesOnlyTheList(markOnly.Groups["ref"].Value)
            && TaskReferences.Parse(markOnly.Groups["ref"].Value) is { } marked)
            return marked.IsEmpty ? new CompleteCommand(NoTask) : new Proposal(new CompleteCommand(marked));
        if (ListRequests.Parse(text) is { } list)
            return list;
        if (!reports)
            return new HelpCommand();
        return Reports.Read(text) is { } statement ? FromStatement(statement) : new HelpCommand();
    }

    /// <summary>
    /// A report of doing a task completes it. "I don't need the groceries anymore" is likely a
    /// delete, but not said as one: it is put as a question.
    /// </summary>
    private static OfflineCommand FromStatement(Statement statement)
    {
        if (TaskReferences.Parse(statement.Words) is not { } task)
            return new BulkCommand();
        if (statement.Outcome == Outcome.NotNeeded)
            return task.IsEmpty
                ? new HelpCommand()
                : new Proposal(new DeleteCommand(task with { FromStatement = true }));
        var complete = new CompleteCommand(
            task with { Fallback = statement.Fallback, FromStatement = true, Also = statement.Also });
        return statement.Outcome == Outcome.MaybeDone ? new Proposal(complete) : complete;
    }

    private static readonly TaskReference NoTask = new(null, null);

    /// <summary>A command on the task <paramref name="reference"/> names; bulk when it names several.</summary>
    internal static OfflineCommand OnTask(string reference, Func<TaskReference, OfflineCommand> command) =>
        TaskReferences.Parse(reference) is { } task ? command(task) : new BulkCommand();

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

    /// <summary>"delete my list" or "clear completed" name several tasks; "delete task" names none yet.</summary>
    private static OfflineCommand Delete(string reference)
    {
        var task = TaskReferences.Parse(reference);
        if (task is { IsEmpty: false } && ListRequests.NamesOnlyTheList(reference))
            return new BulkCommand();
        return task is null ? new BulkCommand() : new DeleteCommand(task);
    }

    private static OfflineCommand? ParseComplete(string text)
    {
        foreach (var pattern in CompletePatterns)
        {
            if (pattern.Match(text) is not { Success: true } match)
                continue;
            var reference = match.Groups["ref"].Value;
            // "finished the essay at 2am" reports, so its words may say when or where, as a statement's may.
            var reports = pattern == IFinishedPattern();     // generated patterns are singletons
            // "tasks completed" or "done ones" ask for a list, not for a task called "tasks";
            // "complete all" asks for several tasks.
            if (!ListRequests.NamesOnlyTheList(reference))
                return OnTask(reference, task => new CompleteCommand(task with { FromStatement = reports }));
            if (TaskReferences.Parse(reference) is null)
                return new BulkCommand();
        }
        return null;
    }

    [GeneratedRegex($$"""
        ^(?:status\s+of\s+|(?:can|could)\s+(?=.+\s(?:go|be\s+(?:removed|deleted))$))?(?<ref>.+?)\s*[-–—:,]?\s*
        (?: (?<removed>(?:needs|has|have|ought)\s+to\s+go|go(?<=^(?:can|could)\s.+)|can\s+go|should\s+go|must\s+go)
          | (?:(?:is\s+)?to\s+be|should\s+be|can\s+(?:now\s+|probably\s+|just\s+)?be|could\s+be|needs\s+to\s+be|must\s+be)\s+
            (?: (?:marked|set|ticked|checked|crossed|counted)(?:\s+off)?(?:\s+as)?\s*(?:{{Words.Done}}|closed)?
              | (?<removed>removed|deleted|binned|dropped|scrapped|taken\s+off(?:\s+{{ListPlace}})?)
            )
          | can\s+(?:now\s+|probably\s+|just\s+)?(?:go|come\s+off)\s+as\s+(?:{{Words.Done}})   # "the passport one can come off as done"
          | (?:{{Words.Done}})(?<=^status\s+of\s+.+)        # the word first: a look back from every position costs a scan each
        )(?:\s+(?:now|already))?$
        """, Verbose)]
    private static partial Regex PassivePattern();

    private static readonly Regex[] CompletePatterns =
        [MarkDonePattern(), MarkDoneFirstPattern(), IFinishedPattern(), CheckOffPattern(), MoveToDonePattern(),
         CompleteVerbPattern(), IsDonePattern()];

    private static OfflineCommand Add(string rawTitle)
    {
        // "put in my list that I must buy milk": the list place, then what the person must do.
        var title = TrailingListPattern().Replace(MustDoPattern().Replace(LeadingListPattern().Replace(
            NewEntryPattern().Replace(PastedFromPattern().Replace(rawTitle.Trim(), ""), ""), ""), ""), "");
        if (SecondAddPattern().IsMatch(title) || SeveralItemsPattern().IsMatch(title))
            return new SeveralToAdd();
        // "add something about the boiler service": what the task should say is still to come.
        if (SomethingAboutPattern().IsMatch(title))
            return new TitleMissing();
        string? description = null;
        if (DescriptionSplitPattern().Match(title) is { Success: true } split)
        {
            var note = NotesPlacePattern().Replace(title[(split.Index + split.Length)..], "");
            description = MessageText.Description(split.Value.Contains('(') ? note.TrimEnd('.', '!', ' ').TrimEnd(')') : note);
            // "add 'X' to my list, with the description …": the list place ends the title, not the message
            title = TrailingListPattern().Replace(title[..split.Index].TrimEnd(',', ' '), "");
        }
        var clean = MessageText.Title(title);
        return clean.Length == 0 || EmptyTitlePattern().IsMatch(clean) || IsPronoun(clean)
            ? new TitleMissing()
            : new AddCommand(clean, description);
    }

    // ---- Not a request: greetings, thanks, help ---------------------------------------------

    [GeneratedRegex($$"""^(?:{{Words.HelpRequests}})$""", Verbose)]
    private static partial Regex HelpPattern();

    [GeneratedRegex($$"""^(?:{{Words.Greetings}})(?:\s+there)?$""", Verbose)]
    private static partial Regex GreetingPattern();

    [GeneratedRegex($$"""^(?:{{Words.Thanks}})(?:\s+(?:a\s+lot|so\s+much|very\s+much))?$""", Verbose)]
    private static partial Regex ThanksPattern();

    // ---- Reopening (the tools cannot) -------------------------------------------------------

    // "mark task 3 as not done", "set #2 back to pending", "undo task 5"
    [GeneratedRegex($$"""
        ^(?: (?:mark|set|flag|move|put)\s+.+?\s+(?:as\s+|to\s+|back\s+to\s+)?(?:{{Words.NotDone}})
           | (?:{{Words.ReopenVerbs}})\s+.+
           | (?:wait\s+)?(?:no,?\s+)?put\s+(?:it|that|them|this)\s+back(?:\s+(?:on|in)\s+(?:the|my)\s+list)?   # "wait no, put it back"
        )$
        """, Verbose)]
    private static partial Regex ReopenPattern();

    // ---- Adding ------------------------------------------------------------------------------

    // add|create|… [a|an|another|new] [task|todo|…] [to|called|…] TITLE
    [GeneratedRegex($$"""
        ^(?:{{Words.AddVerbs}})\b\s*
        (?:(?:a|an|another|new|one\s+more|one(?=\s+(?:task|todo|item)))\b\s*)*   # "add a new …", "add one task: …"
        (?:(?:{{Words.TaskNoun}}|reminder|entry|note)s?\b\s*|(?:one|this|that)(?=\s*[:\-–]))?  # "another one: …"
        (?: (?:to|for|called|named|titled|that\s+says|saying|about)\b\s*
          | that\s+i\s+(?:must|need\s+to|have\s+to|should|ought\s+to)\s+             # "make a note that I must …"
          | [:\-.]\s*(?:to\s+)?                                                     # "add a task: to write …"
          # "capture this as a task — …"
          | (?:this|that|it)\s+as\s+(?:a|an)\s+(?:{{Words.TaskNoun}})\b\s*(?:please\b\s*)?[:\-–—]\s*
        )?
        (?<title>.+)$
        """, Verbose)]
    private static partial Regex AddPattern();

    // todo: call the bank · reminder - book flights · note to self: … · todo call the bank
    [GeneratedRegex("""
        ^(?: (?:todo|to-do|task|reminder|new\s+todo|new\s+task|note\s+to\s+self|note|memo|(?:one\s+more|another)(?:\s+(?:one|item|task|thing|todo))?)
             \s*[:\-–]
           | \+                                                              # "+ pick up dry cleaning"
           | (?:todo|to-do)\s+(?!lists?\b)
        )\s*
        (?<title>.+)$
        """, Verbose)]
    private static partial Regex LabelledAddPattern();

    // I need to …, remind me to …, don't let me forget to …, make sure to …
    [GeneratedRegex("""
        ^(?: (?:(?:i|we)\s+|i've\s+|i'll\s+|i\s+will\s+|we've\s+|we'll\s+)?(?:really\s+|also\s+|still\s+)?
             (?:need|have|got|must|should|gotta|want|ought)\s+to\s+(?:remember\s+to\s+)?
           | i\s+should\s+(?!have\b|not\b)(?:really\s+|also\s+|probably\s+|definitely\s+)?
           | (?:i\s+)?(?:must|gotta|better)\s+(?!i\b|we\b)(?:remember\s+to\s+)?
           | remind\s+me\s+(?:to|about)\s+
           | (?:please\s+)?remember\s+(?:to|that\s+i\s+(?:need|have)\s+to)\s+
           | remember\s*:?\s+(?!(?:when|that|how|what|who|where|why|if|me|you|the\s+time)\b)  # "remember: buy milk"
           | don'?t\s+(?:let\s+me\s+)?forget\s*(?:(?:to|about)\s+|[:\-–]\s*|(?=(?:the|my|a|an)\s))
           | i'll\s+need\s+to\s+
           | make\s+sure\s+(?:to|that\s+i|i)\s+
        )
        (?<title>.+)$
        """, Verbose)]
    private static partial Regex NeedToPattern();

    // What follows "I want to …" when it wraps a command: a list/add verb, or a word naming tasks.
    [GeneratedRegex("""
        ^(?:add|create|see|show|list|view|display|know)\b
        | \b(?:task|tasks|todo|todos|to-dos?|list)\b
        | \#\d | \bnumber\s+\d
        """, Verbose)]
    private static partial Regex WrappedCommandPattern();

    // A title that names no task: "add a task", "create a new one"
    [GeneratedRegex($$"""
        ^(?:a\s+|an\s+|new\s+|the\s+|some\s+|my\s+)*
        (?:(?:{{Words.TaskNoun}}|reminder|entry)s?|something|one|me|us|you|(?:todo\s+|to-do\s+)?list)?$
        """, Verbose)]
    private static partial Regex EmptyTitlePattern();

    // "add to my list: …", "add to list: …", "put a task on my list to …"
    [GeneratedRegex($$"""
        ^(?:(?:to|on|in|onto)\s+)?
        (?: {{Words.MyList}}\s*[:\-]?(?:\s*(?:to|for)\b)?
          | (?:todo\s+|to-do\s+|task\s+)?(?:list|todos?|to-dos?|tasks|inbox)\s*[:\-]
        )\s*
        """, Verbose)]
    private static partial Regex LeadingListPattern();

    // "add one after the last one: X", "put in a new item 6: X": where the new entry goes, then its title
    [GeneratedRegex($$"""
        ^(?:in\s+)?(?:(?:a|an|another|new|one|more|next|{{Words.Ordinals}})\s+)*       # "add a fourth one: …"
        (?:(?:{{Words.TaskNoun}}|entry|one)(?:\s*\#?\d+)?)?
        (?:\s*(?:after|before|below|above|under|at)\b[^:]{0,40})?
        \s*:\s*(?=\S)
        """, Verbose)]
    private static partial Regex NewEntryPattern();

    [GeneratedRegex(@"^something\s+(?:about|for|re|regarding|to\s+do\s+with)\s+[^:]+$", Verbose)]
    private static partial Regex SomethingAboutPattern();

    // "add this from my notes: …", "add the following: …", "pop something on for mum's birthday: …":
    // what comes after the colon is the task
    [GeneratedRegex(@"^(?:(?:something|one)\s+(?:on\s+)?(?:for|about|re)\s+[^:]{1,40}(?=:)|this|that|these|the\s+following)(?:\s+(?:from|in|off|out\s+of)\s+(?:my|the)\s+[a-z'-]+(?:\s+[a-z'-]+)?)?\s*:\s*(?=\S)", Verbose)]
    private static partial Regex PastedFromPattern();

    // "add two items: 'A' and 'B'", "add a few things", "add 'A' and 'B'": several tasks in one request
    [GeneratedRegex("""
        ^(?:two|three|four|five|2|3|4|5|a\s+(?:few|couple(?:\s+of)?)|several|multiple|some|both)\s+(?:more\s+|new\s+)?
         (?:items|tasks|things|todos|to-dos|entries|reminders)\b
        | ^["“'‘][^"“”'‘’]+["”'’]\s*(?:,|and|&|\+|as\s+well\s+as)\s*["“'‘][^"“”'‘’]+["”'’][.!]*$
        """, Verbose)]
    private static partial Regex SeveralItemsPattern();

    // "… at 9am", "… at 3:30 tomorrow", "… for 5pm": a reminder with a time of day to go off at
    [GeneratedRegex("""
        ^(?: (?:(?:set|add|create|make|schedule|give\s+me|put\s+in)\s+(?:me\s+)?(?:a|an)\s+(?:reminder|alarm|alert|notification)\b|remind\s+me\b)
             .*\b(?:at|for|by)\s+\d{1,2}(?::\d{2}\s*(?:am|pm)?|\s*(?:am|pm|o'?clock))(?=$|[\s,.!?])
           # "remind me about the dentist at 3" (but "remind me to pick up the cake at 5" is a task with its time)
           | remind\s+me\s+about\b.*\bat\s+\d{1,2}(?::\d{2})?(?:\s+(?:tomorrow|today|tonight|(?:on\s+)?[a-z]+day))?[\s.!?]*$
        )
        """, Verbose)]
    private static partial Regex TimedReminderPattern();

    [GeneratedRegex(@"^that\s+(?:i|we)\s+(?:must|need\s+to|have\s+to|should|ought\s+to|want\s+to)\s+(?=\S)", Verbose)]
    private static partial Regex MustDoPattern();

    // "… to my to-do list", "… on the list", "… to my shopping list", "… to todo", "to list" alone
    [GeneratedRegex("""
        (?:^|\s+)(?:to|on|in|onto|into)\s+(?:(?:my|the|our)\s+(?:[a-z'-]+\s+)?)?(?:list|tasks|todos?|to-dos?|queue|plate|board|backlog|inbox)$
        | \s+(?:on|in|onto)\s+(?:there|it)$                                   # "stick X on there"
        | [\s,]+(?:please\s+)?(?:add|put|save|note|write)\s+(?:it|that|this)                # "X, add that"
          (?:\s+(?:down|(?:to|on|in|into)\s+(?:my|the)\s+list))?$
        """, Verbose)]
    private static partial Regex TrailingListPattern();

    // "add permission slip and also add pack lunch", "add X, and add Y": a second add in the title
    [GeneratedRegex(@"(?:,|\s)\s*(?:and\s+)?(?:also\s+)?(?:add|create)\s+(?!to\b|it\b|that\b|this\b)\S", Verbose)]
    private static partial Regex SecondAddPattern();

    // "TITLE with description TEXT", "TITLE, note: TEXT", a command line's "TITLE -- TEXT"
    [GeneratedRegex($$"""
        \s*(?:,\s*)?
        (?: \bwith\s+(?:the\s+|a\s+)?(?:{{Words.DescriptionField}})\b\s*:?(?:\s*(?:saying|that\s+says|reading|that\s+reads|stating|that)\b)?
          | \b(?:{{Words.DescriptionField}})\s*:
          | (?<=\S)\s+(?:--|[-–—])\s+(?=\S)                                  # "hire a skip – the big one"
          | \s*\((?=(?:(?:{{Words.DescriptionField}})\s*:|[^()]*(?:'s|\b(?:is|are|was|were|has|have|needs?|only)\b))[^()]{3,}\)$)(?:(?:{{Words.DescriptionField}})\s*:)?   # "buy a kettle (the old one's sparking)"
          | \s+and\s+(?:put|write|add|stick|pop)\s+(?=.+\s+in\s+the\s+notes?$)  # "… and put ask for Thursday in the notes"
        )\s*
        """, Verbose)]
    private static partial Regex DescriptionSplitPattern();

    // "put ask for the Thursday slot in the notes": where the note goes, after it.
    [GeneratedRegex(@"\s+in\s+(?:the|its)\s+notes?[.!]*$", Verbose)]
    private static partial Regex NotesPlacePattern();

    // ---- Deleting ----------------------------------------------------------------------------

    /// <summary>Where a task is taken from: "my list", "the shopping list", "my todos".</summary>
    private const string ListPlace = @"(?:my|the)\s+(?:[a-z'-]+\s+)?(?:list|tasks|todos|inbox|board|queue|plate|backlog)";

    /// <summary>How wholly a task goes: "delete task 2 permanently", "take it off my list altogether".</summary>
    private const string ForGood = @"(?:\s+(?:permanently|entirely|altogether|completely|for\s+good))?";

    // delete|remove|… TASK [from my list] · take TASK off my list
    [GeneratedRegex($$"""
        ^(?: (?:{{Words.DeleteVerbs}})\s+(?<ref>.+?){{ForGood}}(?:\s+(?:from|off)\s+{{ListPlace}}|(?<=\b(?:wipe|clear|scratch)\s.+)\s+off)?{{ForGood}}
           | take\s+(?<ref>.+?)\s+off(?:\s+{{ListPlace}})?{{ForGood}}
           | strike\s+(?<ref>.+?)\s+(?:from|out\s+of)\s+{{ListPlace}}{{ForGood}}        # "strike off" completes; "from my list" removes
           | (?:i'd|i\s+would|i)\s+(?:like|want)\s+(?<ref>.+?)\s+(?:removed|deleted|gone)
             (?:\s+(?:from|off)\s+{{ListPlace}})?
        )$
        """, Verbose)]
    private static partial Regex DeletePattern();

    // "delete" or "complete" alone: understood, but which task?
    [GeneratedRegex($$"""
        ^(?: (?<delete>delete|remove|del)
           | (?<add>add|create|new)
           | (?<change>rename|change|edit|update)
           | complete|finish|mark\s+(?:as\s+)?(?:done|complete)
        )$
        """, Verbose)]
    private static partial Regex BareVerbPattern();

    // ---- Completing --------------------------------------------------------------------------

    // mark|set|… TASK [as|to] done
    [GeneratedRegex($$"""
        ^(?:{{Words.MarkVerbs}})\s+(?<ref>.+?)
        \s+(?:as\s+(?:having\s+been\s+|being\s+)?|to\s+)?
        (?:{{Words.DoneStates}}|checked(?:\s+off)?|closed(?:\s+out)?)$                     # "consider it closed"
        """, Verbose)]
    private static partial Regex MarkDonePattern();

    // mark TASK as sent|paid|booked: a past form says it is done
    [GeneratedRegex("""^(?:mark|set|flag)\s+(?<ref>.+?)\s+as\s+(?<verb>[a-z]+)$""", Verbose)]
    private static partial Regex MarkAsPastPattern();

    [GeneratedRegex("""^(?:mark|tick)\s+(?<ref>.+)$""", Verbose)]
    private static partial Regex MarkOnlyPattern();

    // mark as done TASK
    [GeneratedRegex($$"""^(?:mark|set|flag)\s+(?:as\s+)?(?:{{Words.Done}})\s*[:\-]?\s+(?<ref>.+)$""", Verbose)]
    private static partial Regex MarkDoneFirstPattern();

    // I('ve) (just) finished TASK · I'm done with TASK · finished TASK
    [GeneratedRegex("""
        ^(?: i(?:'ve|\s+have)?\s+(?:just\s+)?(?:finished|completed|done|did)
           | i(?:'ve|\s+have)\s+(?:just\s+)?(?:finish|complete)                      # "I have finish the bike repair"
           | (?:i'm\s+|i\s+am\s+)?(?:all\s+)?(?:done|finished|through)\s+with
           | (?:i'm|i\s+am|we're)\s+(?:all\s+)?(?:done|finished)(?=\s+[a-z]+ing\b)    # "I'm done walking the dog"
           | finished
        )\s+(?<ref>.+?)
        (?:\s+(?:already|today|yesterday|earlier|finally|at\s+last|just\s+now|this\s+(?:morning|afternoon|evening)))*$
        """, Verbose)]
    private static partial Regex IFinishedPattern();

    // complete|finish|tick off|… TASK
    [GeneratedRegex($$"""^(?:{{Words.CompleteVerbs}})(?:\s*[:\-–]\s*|\s+)(?<ref>.+)$""", Verbose)]
    private static partial Regex CompleteVerbPattern();

    // "move TASK to done", "move TASK to the completed section": a board's way of finishing a task
    [GeneratedRegex($$"""
        ^(?:move|drag|put|shift)\s+(?<ref>.+?)\s+(?:to|into|over\s+to|in)\s+(?:the\s+|my\s+)?
        (?:{{Words.Done}}|logbook)(?:\s+(?:section|list|column|pile|folder|tab|tasks))?$
        """, Verbose)]
    private static partial Regex MoveToDonePattern();

    // check|tick|cross|mark|knock|strike TASK off
    [GeneratedRegex("""^(?:check|tick|cross|mark|knock|strike)\s+(?<ref>.+?)\s+off$""", Verbose)]
    private static partial Regex CheckOffPattern();

    // TASK is done · TASK's done · TASK has been completed (but not a question: "which are done?")
    [GeneratedRegex($$"""
        ^(?!(?: which|what|whats|what's|how|are|is|am|was|were|do|does|did|have|has|can|could|should|will|would
              | where|when|why|who|any|anything|show|list|see|view|display|tell|give|all|everything
              | i'm|i\s+am|i've|we're|we\s+are|you're|you|got|get)\b)                 # "got the shopping done" reports
        (?<ref>.+?)(?<!\b(?:not|never))                                  # "tasks not done" is a list request
        (?:'s|\s+(?:is|are|was|has\s+been|have\s+been|got))?
        \s+(?:now\s+)?(?:all\s+)?(?:{{Words.Done}})$
        """, Verbose)]
    private static partial Regex IsDonePattern();
}
