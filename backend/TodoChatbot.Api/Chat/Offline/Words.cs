namespace TodoChatbot.Api.Chat.Offline;

/// <summary>
/// The word lists the offline assistant's rules are composed from. Each list is a regex alternation
/// (entries separated by "|", a space inside an entry written <c>\s+</c>), used inside a group:
/// <c>(?:{Words.DeleteVerbs})</c>. A synonym added here reaches every rule that uses the list; the
/// rules themselves (in <see cref="CommandParser"/> and its helpers) say only how lists combine.
/// The patterns are compiled with IgnorePatternWhitespace, so a literal "#" must be written <c>\#</c>.
/// </summary>
internal static class Words
{
    // ---- Things on the list ----------------------------------------------------------------

    /// <summary>What one entry of the list is called ("action item" and "follow-up: …" in an office's words).</summary>
    public const string TaskNoun = @"task|todo|to-do|action\s+item|item|follow-up(?=\s*:)";

    /// <summary>What the list is called, and what its entries are called together.</summary>
    public const string ListNoun =
        @"tasks?|todos?|to-dos?|list|items?|things|everything|anything|stuff|progress|overview|summary|rundown";

    /// <summary>Words naming a task's title, and its description.</summary>
    public const string TitleField = @"title|name|wording|text";

    public const string DescriptionField = @"description|notes?|details?|comments?";

    /// <summary>"my list", "the to-do list", "my task list", "my inbox": where tasks are put and taken from.</summary>
    public const string MyList = @"(?:my|the)\s+(?:(?:todo\s+|to-do\s+|task\s+)?list|inbox)";

    // ---- Status ------------------------------------------------------------------------------

    /// <summary>A task's state when it is done; "change task 3 to done" completes rather than renames.</summary>
    public const string Done = @"complete|completed|done|finished";

    /// <summary>Words that ask for the completed tasks in a list request.</summary>
    public const string CompletedStatus =
        @"complete|completed|done|finish|finished|(?:checked|ticked|crossed)\s+off|accomplished|closed(?:\s+out)?|(?<=\b(?:got|have|i've)\s+)sorted(?!\s+by\b)";

    /// <summary>
    /// Words that ask for the pending tasks. "not done" and "haven't" contain or imply a completion
    /// word, so a list request is read as pending whenever one of these is present.
    /// </summary>
    public const string PendingStatus =
        @"pending|outstanding|remaining|remains|left|incomplete|unfinished|undone|open(?!\s+(?:my|the|up)\b)" +
        @"|not\s+(?:yet\s+)?(?:done|complete|completed|finished)" +
        @"|haven't|havent|have\s+not|didn't|didnt|did\s+not" +
        @"|(?:have|need|got|things|stuff)\s+to\s+do|to\s+(?:get|be)\s+done|still|yet\s+to\s+do";

    /// <summary>A task's state when it is not done: asking for it is a reopen, which the tools cannot do.</summary>
    public const string NotDone =
        @"not\s+(?:yet\s+)?(?:done|complete|completed|finished)|undone|incomplete|unfinished|pending|open";

    /// <summary>A task's state, said of it, when it is done: "the bill is sorted", "the laundry's out of the way".</summary>
    public const string DoneStates =
        @"done\s+and\s+dusted|done|finished|complete|completed|sorted(?:\s+out)?|handled|taken\s+care\s+of|dealt\s+with|over" +
        @"|actioned" +
        @"|out\s+of\s+the\s+way|(?:ticked|crossed|checked)\s+off|accomplished";

    /// <summary>Words that say, of a thing, that its task is done: "my room is tidy" did "Tidy my room".</summary>
    public const string DoneAdjectives = @"tidy|clean|ready|fixed|empty|charged|organized|organised";

    /// <summary>A task's state when it will not be done: "the party got cancelled", "the trip is off".</summary>
    public const string NotNeededStates =
        @"called\s+to\s+cancel|cancell?ed|canceled|called\s+off|off|postponed|moved|rescheduled|scrapped|dropped|unnecessary" +
        @"|(?:not|no\s+longer)\s+(?:needed|necessary|required|happening)";

    /// <summary>States that say a task will not be done only when denied: "the walk isn't happening".</summary>
    public const string NeededStates = @"needed|necessary|required|happening|happen|going\s+ahead|go\s+ahead|relevant";

    /// <summary>
    /// "2day", "ystrday", "tmrw": days as texts spell them. A title keeps them as typed ("call the plumber
    /// 2moro"), so they are not spelt out; a report's "called mom ystrday" says when, as "yesterday" does.
    /// </summary>
    public const string TextedDays = @"2day|2nite|2night|tonite|2moro|2morrow|2mrw|tmrw|tmr|ystrday|ystrdy|yday";

    // ---- Verbs -------------------------------------------------------------------------------

    /// <summary>
    /// Past verbs that say only that something was done, not what: "I did the laundry", "took care of
    /// the bill", "got the groceries". What follows them names the task without its verb.
    /// </summary>
    public const string DidVerbs =
        @"got\s+done\s+with|got\s+in\s+touch\s+with|reached\s+out\s+to|caught\s+up\s+with|checked\s+in\s+with" +
        @"|followed\s+up\s+with|did|done|got|gotten|gave|given|been|went|finished|completed|handled" +
        @"|sorted(?:\s+out)?|dealt\s+with|took\s+care\s+of|taken\s+care\s+of|knocked\s+out|wrapped\s+up|tackled" +
        @"|accomplished|achieved|nailed|(?:ticked|checked|crossed|knocked|polished)\s+off|chalked\s+up|actioned|shipped";

    /// <summary>
    /// Verbs that create a task ("make sure" is a reminder to do something, read by NeedTo). "make"
    /// and "put" before "the", "my", "this" … are about a task there is ("make the essay high
    /// priority", "put the task 14 as done"), not a new one.
    /// </summary>
    public const string AddVerbs =
        @"add|create|make(?!\s+sure)(?!\s+(?:the|my|this|that|it|its|these|those)\b)|new|put\s+down|right\s+down(?=\s)" + // "right down": "write down" as a phone hears it
        @"|put(?!\s+(?:the|my|this|that|it|its|these|those)\s+(?:task|todo|item|one|\S+\s+(?:as|to)\b|\S+\s+(?:high|low|top)\b))|insert|jot\s+down|note\s+down|write\s+down|schedule|save|track" +
        @"|stick(?:\s+down|\s+on(?=\s+(?!(?:there|it|the|my|this|that)\b)\S))?|pop(?:\s+down)?|chalk\s+up|bung|pencil\s+in|log(?!\s+(?:in|on|out|off)\b)|capture|chuck(?=.+\s(?:on|onto)\s+(?:there|(?:my|the)\s+(?:[a-z'-]+\s+)?list)\b)|set\s+up|set(?=\s+(?:a|an|another|new)\s+(?:reminder|task|todo|to-do)\b)" +
        @"|get(?=.+\s(?:on|onto|on\s+to)\s+(?:my|the)\s+(?:[a-z'-]+\s+)?(?:list|queue|board|plate)\b)";   // "get 'X' onto my list"

    /// <summary>Verbs that remove a task.</summary>
    public const string DeleteVerbs =
        @"delete|del|remove|cancel|drop|erase|lose|discard|trash|scrap|ditch|toss|bin(?:\s+off)?|nix|axe|dump|kill|clear|wipe|descope" +
        @"|purge|nuke|zap|yeet|scratch(?!\s+off)|get\s+rid\s+of|forget(?:\s+about)?|take\s+off|cross\s+out|throw\s+(?:away|out)";

    /// <summary>Verbs that complete the task they are followed by ("finish #1", "tick off 3").</summary>
    public const string CompleteVerbs =
        @"complete|completed|finish|finished|done|close(?:\s+out)?|finalize|check\s+off|tick\s+off|cross\s+off|mark\s+off" +
        @"|knock\s+(?:off|out)" +
        @"|strike(?:\s+(?:off|through))?|tick";

    /// <summary>Verbs that set a state: "mark task 3 as done", "set task 1 to completed".</summary>
    public const string MarkVerbs = @"mark|set|flag|tick|check|consider|record";

    /// <summary>Verbs that undo a completion (the tools cannot: the assistant says how to untick instead).</summary>
    public const string ReopenVerbs = @"reopen|uncheck|untick|uncomplete|undo";

    /// <summary>Verbs that change a task's title or description.</summary>
    public const string ChangeVerbs = @"change|update|rename|edit|modify|retitle|switch|tweak|amend|alter|reword|rejig";

    /// <summary>Verbs that ask to see the list.</summary>
    public const string ShowVerbs = @"show|list|display|view|see|read(?:\s+out)?";

    /// <summary>How a list request may begin ("show …", "what …", "do I …", "any …", "my …").</summary>
    public const string ListOpeners =
        @"show|list|display|view|see|share|get|give|gimme|tell|what|which|whats|what's|how\s+many|how\s+much|how's|how\s+is" +
        @"|remind|do\s+i|is\s+there|are\s+there|any|anything|everything|my|all|check|read|print|open|where" +
        @"|pull\s+up|bring\s+up|let\s+me\s+see|lemme\s+see|fetch|is\s+my|are\s+my" +
        @"|(?:run|walk|take)\s+me\s+through|go\s+(?:through|over)|catch\s+me\s+up|fill\s+me\s+in|recap|brief\s+me" +
        @"|(?:an?\s+|the\s+|quick\s+)?(?:overview|rundown|run-down|summary)(?=\s+of\b)" +
        @"|update\s+me";

    // ---- Words around a request --------------------------------------------------------------

    /// <summary>Openers before a request: "hey, …", "ok so …", "good morning, …".</summary>
    public const string Openers =
        @"hey|hi|hello|ok|okay|so|um|well|anyway|anyways|good\s+(?:morning|afternoon|evening)|also|oh|and|btw|alright|right(?!\s+down\b)" +
        @"|actually|then|now|yes|yeah|yep|sure|one\s+more\s+thing|quick\s+one|quick|i\s+think|i\s+believe|i\s+guess|(?:i'm\s+)?pretty\s+sure" +
        @"|for\s+(?:the\s+love\s+of\s+god|crying\s+out\s+loud|god'?s\s+sake|heaven'?s\s+sake|pete'?s\s+sake)|seriously|come\s+on|fine|hmm+" +
        @"|i'm\s+curious|i\s+wonder|i\s+was\s+wondering|just\s+wondering" +
        @"|no,?\s+i\s+mean|i\s+mean" +                                   // a correction
        @"|if\s+it'?s\s+not\s+too\s+much\s+(?:trouble|bother|hassle)|if\s+you\s+don'?t\s+mind" +
        // British softeners before a request: "sorry to be a bother, but …", "I hate to be a pain, but …"
        @"|(?:i'm\s+)?(?:so\s+|really\s+|terribly\s+|awfully\s+)?sorry\s+to\s+(?:be\s+a\s+(?:pain|bother|nuisance)|bother\s+you|trouble\s+you)(?:,?\s+but)?" +
        @"|i\s+hate\s+to\s+(?:be\s+a\s+(?:pain|bother|nuisance)|ask|bother\s+you)(?:,?\s+but)?|i'm\s+(?:so\s+|really\s+|terribly\s+|awfully\s+)?sorry(?:,?\s+but)?" +
        @"|if\s+it'?s\s+no\s+(?:trouble|bother)|(?:i\s+think\s+)?you'll\s+find(?:\s+that)?" +
        // a voice assistant's wake words: "hey siri", "ok google", "alexa", "computer: …" (not "computer is broken")
        @"|siri|google|alexa|cortana|bixby|computer(?=[,:]|\s+(?!(?:is|was|needs?|repairs?|broke|crashed|keeps|won't|isn't|stuff)\b)\w)";

    /// <summary>Words that only make a request polite.</summary>
    public const string Please = @"please|pls|kindly";

    /// <summary>Polite endings: "…, please", "… thanks", "… for me".</summary>
    public const string PoliteEndings = @"please|pls|thanks|thank\s+you|for\s+me|if\s+you\s+please|if\s+i\s+may|lol|lmao|haha+" +
        @"|if\s+(?:that's|it's|its|that\s+is|it\s+is)\s+not\s+too\s+much(?:\s+(?:trouble|bother|hassle|to\s+ask))?|if\s+you\s+don'?t\s+mind|(?<=\b(?:done|complete|completed|finished))\s+already|you\s+know" +
        @"|that(?:'d|\s+would)\s+be\s+(?:great|lovely|perfect|amazing|awesome|brilliant|helpful)|if\s+(?:you\s+can|possible)" +
        @"|if\s+(?:that's|that\s+is|it's|it\s+is)\s+(?:alright|all\s+right|ok(?:ay)?|fine)|i(?:'d|\s+would)\s+be\s+(?:very\s+|most\s+|so\s+|really\s+)?(?:grateful|obliged|thankful)" +
        @"|if\s+you(?:'d|\s+would)\s+be\s+so\s+(?:good|kind)\s+as\s+to\s+update\s+(?:things|it|that|the\s+list|my\s+list)" +
        @"|(?:and\s+)?(?:let\s+me\s+know|tell\s+me\s+if\s+it\s+(?:worked|went\s+through))";   // "add call the vet, and tell me if it worked"

    /// <summary>
    /// Endings that are thanks only after a comma or a stop ("…, cheers", "…, ta", "… and revert"):
    /// as the last word of a title they may be meant ("Call my mate").
    /// </summary>
    public const string CommaEndings = @"cheers|ta|legend|mate|like|sorry|happy\s+now|damn\s+it|already|ok(?:ay)?|k|thanks\s+(?:a\s+lot|mate|heaps)|much\s+appreciated|(?:and|please)\s+revert|job's\s+a\s+good\s+(?:'un|un|one)" +
        @"|all\s+(?:done|sorted|finished|folded|put\s+away|tidied|cleaned|washed|packed|paid)";   // "knocked off the laundry, all folded"

    /// <summary>A greeting on its own.</summary>
    public const string Greetings = @"hi|hello|hey|yo|howdy|good\s+(?:morning|afternoon|evening)";

    /// <summary>A thank-you or an acknowledgement on its own.</summary>
    public const string Thanks = @"thanks|thank\s+you|thx|cheers|great|perfect|awesome|nice|cool|ok|okay";

    /// <summary>Asking for help with the assistant itself.</summary>
    public const string HelpRequests =
        @"help|\?+|what\s+can\s+you\s+do|how\s+does\s+this\s+work|how\s+do\s+i\s+use\s+(?:this|you)" +
        @"|commands|menu|what\s+are\s+your\s+commands" +
        // "are you able to delete stuff or just add?", "can you even rename things?": what it can do, not a request
        @"|(?:are\s+you\s+able\s+to|can\s+you\s+(?:even|actually|also)|do\s+you)\s+(?:delete|remove|add|rename|change|edit|tick|complete)\s+(?:stuff|things|tasks|items)\b.*";

    /// <summary>Numbers written as words after "task" or "number": "delete task three".</summary>
    public const string NumberWords =
        @"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen" +
        @"|seventeen|eighteen|nineteen|twenty";

    /// <summary>A task's place in the list: "the first one", "the 2nd task".</summary>
    public const string Ordinals =
        @"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|1st|2nd|3rd|4th|5th|6th|7th|8th|9th|10th";

    /// <summary>The ends of the list by where they are shown: "the top one" is the first, "the bottom one" the last.</summary>
    public const string Ends = @"top|last|final|bottom";

    /// <summary>Words that separate an old value from a new one: "task 3: NEW", "#2 -> NEW", "task 1 - NEW".</summary>
    public const string Arrow = @":|->|→|=|\s[-–—]";
}
