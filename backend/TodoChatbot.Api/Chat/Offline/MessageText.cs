using System.Globalization;
using System.Text.RegularExpressions;

namespace TodoChatbot.Api.Chat.Offline;

/// <summary>
/// The text of a message as the rules read it (one line, single spaces, without the politeness around
/// the request), and the titles and descriptions cut from it as the tools store them.
/// </summary>
internal static partial class MessageText
{
    /// <summary>
    /// A whole message as the rules read it: <see cref="Normalize"/> after what only a whole message has,
    /// a letter's salutation and sign-off (<see cref="Letter"/>) and pasted text (<see cref="Pasted"/>).
    /// Its clauses are normalized on their own, without those.
    /// </summary>
    public static string NormalizeMessage(string message) => Normalize(Pasted.Read(Letter.Body(OneLine(message))));

    /// <summary>One line, single spaces, without "hey, could you please …" or "…, thanks".</summary>
    public static string Normalize(string message)
    {
        var text = Spaces(Markdown(Stretched(Dotted(OneLine(message)))));
        text = TaskFirst(CommandLine.Read(VoiceSlips(Fillers(TextSpeak(BorrowedWords.Read(LeadingEmoji(text)))))));
        text = ToDoListPattern().Replace(text, "todo ");
        // "status: passport renewed", "After three reminders I finally paid the rent": the report without its label or lead.
        text = ReportLeadPattern().Replace(text, "");
        // "deletion of task 3", "completion of the dentist one", "addition: 'X'": the verb in its noun.
        text = CommandNounPattern().Replace(text, match => CommandNouns[match.Groups["noun"].Value.ToLowerInvariant()[..4]]);
        // "delete 2 delete 2 DELETE 2": a request said again, for emphasis, is one request.
        text = RepeatedPattern().Replace(text, "${request}");
        // "I should be grateful for a complete account of my tasks": a wish to see the list.
        text = WishToSeePattern().Replace(text, "show ");
        // "please" straight after the verb, once the polite opening is gone: "change please task 2 …".
        text = PleaseAfterVerbPattern().Replace(PolitePrefixPattern().Replace(text, ""), "${verb} ");
        // "erase me the task 3": a learner's "for me" after the verb.
        text = VerbForMePattern().Replace(text, "${verb} ");
        text = PoliteSuffixPattern().Replace(text, "");
        // "would you mind removing …", "try adding …": the request in its base form; "consider it done": mark it done.
        text = MindPattern().Replace(text, match => Gerunds[match.Groups["verb"].Value.ToLowerInvariant()]);
        text = ConsiderDonePattern().Replace(text, "mark ${it} done");
        // "tick of task 3": "off" misspelt; no request says "tick of".
        text = VerbOfPattern().Replace(text, "${verb} off");
        // "put buy toilet roll down": what to put down, between the verb's two words.
        text = PutThingDownPattern().Replace(text, "put down ${thing}");
        // "kindly remove the same": Indian English's "the same" for "it", at the end of a request.
        text = TheSamePattern().Replace(text, "it");
        // "so that's that one done": the "that's" of a storyteller's summing up, before the state.
        text = ThatsThatPattern().Replace(text, "");
        return text.Trim();
    }

    /// <summary>
    /// The short forms people type on phones, as the words they stand for: "can u", "pls", "abt".
    /// Only whole words that are nothing else in a todo list are expanded, so a title keeps its words.
    /// </summary>
    private static string TextSpeak(string text) => OutsideQuotes(text, part => TextSpeakPattern().Replace(ToPattern().Replace(part, " to "), match =>
        match.Value.ToLowerInvariant() switch
        {
            "u" => "you",
            "ur" => "your",
            "r" => "are",
            var please when PleasePattern().IsMatch(please) => "please",
            "abt" or "bout" => "about",
            "wat" or "wht" => "what",
            "wats" or "whats" or "whts" => "what's",
            "n" => "and",
            "thru" => "through",
            "what've" or "whatve" => "what have",
            "nvm" or "nevermind" => "never mind",
            "w/" or "w" => "with",
            "teh" => "the",
            "lmk" => "tell me",
            "hw" => "how",
            "nething" or "anythin" => "anything",
            "d" or "da" => "the",
            "dun" => "done",
            "cn" => "can",
            "nu" => "new",
            "4get" => "forget",
            "chg" => "change",
            "thx" or "thnx" or "thanx" => "thanks",
            "im" => "i'm",
            "rm" => "remove",
            "1" => "one",
            var other => other,
        }));

    /// <summary>
    /// <paramref name="transform"/> applied to the text outside quotes only: a quoted title keeps its
    /// words as typed ('Lunch w/ Priya').
    /// </summary>
    private static string OutsideQuotes(string text, Func<string, string> transform)
    {
        var quotes = QuotedPattern().Matches(text);
        if (quotes.Count == 0)
            return transform(text);
        var result = new System.Text.StringBuilder(text.Length + 16);
        var start = 0;
        foreach (Match quote in quotes)
        {
            result.Append(transform(text[start..quote.Index])).Append(quote.Value);
            start = quote.Index + quote.Length;
        }
        return result.Append(transform(text[start..])).ToString();
    }

    /// <summary>
    /// Words that only colour a message ("ngl", "lowkey", "tbh", "lol", a closing "fr"), left out
    /// wherever they stand: they are no part of a request and no part of a title.
    /// </summary>
    private static string Fillers(string text)
    {
        // An aside ("… lol delete it") ends a clause where it stands; an adverb ("lowkey done") just goes.
        var plain = DoubledPattern().Replace(
            FillerPattern().Replace(text, match => match.Groups["aside"].Success ? " , " : " "), "${word}");
        if (plain != text)
            plain = Spaces(StrayCommaPattern().Replace(plain, match => match.Index == 0 || match.Index + match.Length == plain.Length ? "" : ", "));
        return plain;
    }

    /// <summary>
    /// A vowel held down inside a word ("walked the dooog", "sooo done") as one: no English word has
    /// three of one vowel in a row. A word that is only the letter ("aaa batteries") is left as typed.
    /// </summary>
    private static string Stretched(string text) => StretchedPattern().Replace(text, "${vowel}");

    /// <summary>
    /// "show. me. everything. I've. ticked. off.": a full stop after every word is emphasis, not the
    /// ends of sentences. Read so only when every stop follows a single word, so "Buy milk. Call mom."
    /// stays two sentences.
    /// </summary>
    private static string Dotted(string text) =>
        DottedPattern().IsMatch(text.Trim()) ? DotPattern().Replace(text, " ") : text;

    /// <summary>
    /// Chat markup typed around words: "*full* list", "_finally_", a bullet before the message
    /// ("• add …"). Backticks stay: they quote a title like quotation marks.
    /// </summary>
    private static string Markdown(string text) => MarkupPattern().Replace(text, "${word}");

    /// <summary>
    /// What dictation writes for a task's number, or for "mark": "mark task for as complete" (four),
    /// "complete task too" (two), "market task three as done". Only where nothing else can stand:
    /// "task for" before "as", "done" … or the end of the message, "market" at the start before "task".
    /// </summary>
    private static string VoiceSlips(string text) => VoiceSlipPattern().Replace(text, match =>
        match.Groups["four"].Success ? "four" : match.Groups["two"].Success ? "two" : "mark");

    /// <summary>
    /// A task named first and then pointed at: "for task three change it to …", "on task 2, mark it
    /// done" read as "change task three to …". Only when the rest says "it", so the number has a place.
    /// </summary>
    private static string TaskFirst(string text) =>
        TaskFirstPattern().Match(text) is { Success: true } first
            ? ItPattern().Replace(first.Groups["rest"].Value, $"task {first.Groups["number"].Value}", 1)
            : text;

    /// <summary>
    /// Emoji before a message: a check mark or a wastebasket before a task is a command ("✅ 4" completes,
    /// "🗑️ 20" deletes); any other is a reaction ("😩 how much is left") and is not read.
    /// </summary>
    private static string LeadingEmoji(string text) => LeadingEmojiPattern().Replace(text, match =>
        match.Groups["done"].Success ? "done " : match.Groups["delete"].Success ? "delete " : "");

    /// <summary>
    /// The text with the emoji and symbols it ends with read: a check mark as "done" ("feed the cat ✔️"),
    /// any other left out ("2 is done ✅ 👍" has its "done" already).
    /// </summary>
    public static string ReadTrailingEmoji(string text)
    {
        var match = TrailingEmojiPattern().Match(text);
        if (!match.Success)
            return text;
        var words = text[..match.Index];
        return match.Groups["done"].Success && !EndsDonePattern().IsMatch(words) && !IsReport(words) ? words + " done" : words;
    }

    /// <summary>"fed the cat ✅", "I walked the dog ✔️": a report already says done, in its verb.</summary>
    private static bool IsReport(string words) =>
        ReportVerbPattern().Match(words) is { Success: true } verb
        && PastTense.BaseForm(verb.Groups["verb"].Value) is not null && !PastTense.IsAlsoPresent(verb.Groups["verb"].Value);

    private static string OneLine(string text) => Apostrophes(text).Replace('\n', ' ').Replace('\r', ' ');

    /// <summary>Phone keyboards type ’ for ': read both the same.</summary>
    public static string Apostrophes(string text) => text.Replace('’', '\'').Replace('‘', '\'');

    /// <summary>Runs of white space as one space, trimmed.</summary>
    public static string Spaces(string text) => MultipleSpaces().Replace(text, " ").Trim();

    /// <summary>A title as typed: quotes keep their exact text; otherwise trimmed and capitalized.</summary>
    public static string Title(string raw)
    {
        // "• Call the electrician", "- [ ] Order the flowers": a pasted line's bullet or box is no part of it.
        var text = Pasted.WithoutBox(raw.Trim()).TrimEnd('.', '!', '?', ',', ';', ':').Trim();
        var quoted = QuotedWholePattern().Match(text);
        // “Call grandma” 📞: a quoted title with an emoji after it; the quotes decide.
        if (!quoted.Success)
            quoted = QuotedWholePattern().Match(ReadTrailingEmoji(text).TrimEnd());
        // "'Chase the PO' in my queue", "'get a charger' thx": a quote, then where it goes or thanks.
        if (!quoted.Success)
            quoted = QuoteThenAsidePattern().Match(text);
        if (quoted.Success)
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

    [GeneratedRegex("""
        (?<=^|\s)(?:u|ur|r|pl+[sz]+|plse|pleas|plese|plase|pleae|plea+se+|plesae|pleaes|pelase|plaese|abt|bout|wat|wht|wats|whats|whts|n|thru|w/|w|teh|lmk|what've|whatve|nvm|nevermind
          |hw|nething|anythin|dun|cn|nu|4get|chg|thx|thnx|thanx|im
          | rm(?=\s+(?:the|my|that|this|it|task|item|\#|\d))                          # "just rm the bike one"
          | da(?=\s+(?-i:[a-z]))                                                     # "cross off da dentist", not "da Vinci"
          | d(?<=\b(?:[a-z]+ed|off|of|on|in|to|for|at|from|with|delete|remove|mark|complete|tick|finish|clean|fix|pay|feed|wash|buy|get|call|do|did)\sd)
            (?=\s+(?-i:[a-z]{3,}))                                                   # "cleaned d garage"
          # "the bike 1", "the gym 1": a one typed as a digit after a task's words, not after "task" or "page"
          | 1(?<=\bthe\s+[a-z]+(?:\s+[a-z]+)?\s1)(?<!\b(?:task|todo|item|number|no|step|page|part|day|week|level|room|floor|chapter|gate|line|row|column|top|bottom)\s1)
        )(?=$|[\s,.!?])
        """, Verbose)]
    private static partial Regex TextSpeakPattern();

    // "pls", "plz", "pleaseeee": please, typed fast or stretched
    [GeneratedRegex(@"^(?:pl+[sz]+|plea+se+|pleas|plese|plse|plase|pleae|plesae|pleaes|pelase|plaese)$", Verbose)]
    private static partial Regex PleasePattern();

    [GeneratedRegex(@"(?<=^|\s)(?:(?<aside>ngl|tbh|tbf|istg|smh|lol|lmao|ugh+|argh+|ffs|omg|jeez|gah|sheesh|damn\s+it|dammit)|lowkey|highkey|fr\s+fr|fr(?=[\s.!?]*$)
        # speech to text: um, uh, you know at the end, like where it only fills (so like what …, cleaned like finally)
        |um+|uhm+|uh+|erm+|you\s+know(?=[\s.!?]*$)|(?<=\S\s+)yeah(?=[\s.!?]*$)
        |(?<=\b(?:so|can|could|to|and|um|uh|yeah|okay|ok|you|i)\s+)like(?=\s+(?!to\b)\S)|like(?=\s+(?:finally|already|just|really|totally|literally)\b))(?=$|[\s,.!?])", Verbose)]
    private static partial Regex FillerPattern();

    // "the the dog walk", "delete uh delete number three": a word said twice while thinking, once.
    [GeneratedRegex(@"\b(?<word>the|a|an|to|i|my|and|so|add|delete|remove|mark|tick|change|rename|show|complete)(?:\s+\k<word>)+\b", Verbose)]
    private static partial Regex DoubledPattern();

    // The commas an aside left: doubled, or with a space before, or at either end.
    [GeneratedRegex(@"\s+(?:,\s*)+ | (?:,\s*){2,} | ^\s*,\s* | \s*,\s*$", Verbose)]
    private static partial Regex StrayCommaPattern();

    [GeneratedRegex(@"
        (?<=\b(?:task|item|number)\s+)(?:(?<four>for|fore)|(?<two>too))(?=\s+(?:as|is|done|complete|completed|finished|off)\b|[\s.!?]*$)
        | ^market(?=\s+(?:the\s+)?(?:task|item|number|\#|\d))", Verbose)]
    private static partial Regex VoiceSlipPattern();

    [GeneratedRegex(@"
        ^\s*(?:[•·▪►\-*]\s+)+                                      # a bullet
        | (?<=^|\s)(?:\*{1,2}|_{1,2}|~~)(?<word>[^\s*_~](?:[^*_~]*[^\s*_~])?)(?:\*{1,2}|_{1,2}|~~)(?=$|[\s,.!?:;])", Verbose)]
    private static partial Regex MarkupPattern();

    // Not IgnoreCase: "AAA" and "III" are names, and a stretched vowel is typed in lower case.
    [GeneratedRegex(@"(?<=\p{L})(?<vowel>[aeiouy])\k<vowel>{2,}|(?<vowel>[aeiouy])\k<vowel>{2,}(?=\p{L})", RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex StretchedPattern();

    // Four or more single words, each followed by a full stop: "show. me. every. thing."
    [GeneratedRegex(@"^(?:[^\s.]+\.\s+){3,}[^\s.]+[.!?]*$", Verbose)]
    private static partial Regex DottedPattern();

    [GeneratedRegex(@"\.(?:\s+|$)", Verbose)]
    private static partial Regex DotPattern();

    [GeneratedRegex($$"""^that'?s\s+(?=(?:that|this)(?:\s+one)?\s+(?:{{Words.DoneStates}})[\s.!?]*$)""", Verbose)]
    private static partial Regex ThatsThatPattern();

    [GeneratedRegex($$"""
        ^(?:i'd|i\s+would|i\s+should)\s+(?:be\s+(?:grateful|obliged|glad|thankful)\s+for|like|love|appreciate)\s+
        (?=(?:a|an|the)\s+(?:[a-z]+\s+){0,2}(?:account|list|overview|summary|rundown|view|copy|report|look)\s+(?:of|at)\s+(?:all\s+)?(?:my|the)\s+(?:{{Words.ListNoun}})\b)
        """, Verbose)]
    private static partial Regex WishToSeePattern();

    /// <summary>The verb each command noun stands for, by its first four letters.</summary>
    private static readonly Dictionary<string, string> CommandNouns = new(StringComparer.Ordinal)
    {
        ["dele"] = "delete ", ["remo"] = "remove ", ["remv"] = "remove ", ["comp"] = "complete ", ["addi"] = "add ",
        ["crea"] = "add ", ["rena"] = "rename ", ["amen"] = "change ",
    };

    [GeneratedRegex("""
        (?<=^|:\s*)(?:the\s+|a\s+|an\s+)?
        (?<noun>deletion|removal|remvoal|completion|addition|creation|renaming|rename|amendment)
        (?:\s+of\s+|(?<=amendment)\s+to\s+|\s*:\s*)
        """, Verbose)]
    private static partial Regex CommandNounPattern();

    [GeneratedRegex(@"^(?<request>(?:\S+\s+){1,3}?\S+)(?:[\s,.!]+\k<request>)+[\s.!]*$", Verbose)]
    private static partial Regex RepeatedPattern();

    [GeneratedRegex(@"(?<=\s)the\s+same$", Verbose)]
    private static partial Regex TheSamePattern();

    [GeneratedRegex(@"^(?<verb>[a-z]+)\s+please\s+(?=\S)", Verbose)]
    private static partial Regex PleaseAfterVerbPattern();

    [GeneratedRegex($$"""
        ^(?:for|in|on|about|regarding|with)\s+(?:the\s+)?(?:{{Words.TaskNoun}})\s+(?:number\s+)?\#?(?<number>\d+|{{Words.NumberWords}})\b
        \s*[,:]?\s+(?<rest>(?=.*\bit\b).+)$
        """, Verbose)]
    private static partial Regex TaskFirstPattern();

    [GeneratedRegex($$"""^(?<verb>{{Words.DeleteVerbs}}|complete|finish|mark|tick|check)\s+me\s+(?=(?:the|that|this|task|number|\#|\d))""", Verbose)]
    private static partial Regex VerbForMePattern();

    [GeneratedRegex(@"\bit\b", Verbose)]
    internal static partial Regex ItPattern();

    // "remind me 2 call", "need 2 buy": a 2 where only "to" can stand. After "need" only before a verb,
    // so "I need 2 lemons" keeps its number.
    [GeneratedRegex(@"(?<=\bremind\s+me)\s+2\s+(?=[a-z])
        | (?<=\b(?:need|needs|have|has|got|want|going|gotta|ought|forget))\s+2\s+
          (?=(?:call|buy|get|go|pay|pick|send|email|text|book|clean|fix|finish|do|make|take|write|read|meet|check|renew|return)\b)
        | (?<=\b(?:chg|change|rename|update|edit)\s+(?:task\s+|item\s+)?\#?\d+)\s+2\s+(?=\S|$)   # chg #2 2 'Call mom back' 
        | (?<=\b(?:note|description|comment))\s+2\s+(?=(?:task|item|number)\b|\#)        # add a note 2 task 4: …
        ",
        Verbose)]
    private static partial Regex ToPattern();

    [GeneratedRegex(@"^(?:(?<done>[✅✔☑✓])|(?<delete>🗑)|\p{So}|\p{Cs}|[\p{Sk}-[`^]]|\uFE0F|\u200D|\s)+(?=\S)", Verbose)]
    private static partial Regex LeadingEmojiPattern();

    [GeneratedRegex(@"(?:\s*(?:(?<done>[✅✔☑✓])|\p{So}|\p{Cs}|[\p{Sk}-[`^]]|\uFE0F|\u200D)+)+$", Verbose)]
    private static partial Regex TrailingEmojiPattern();

    [GeneratedRegex(@"^(?:(?:i|just|finally|i\s+just|i\s+finally)\s+)?(?<verb>[a-z]+)\b", Verbose)]
    private static partial Regex ReportVerbPattern();

    [GeneratedRegex($$"""\b(?:{{Words.Done}})$""", Verbose)]
    private static partial Regex EndsDonePattern();

    // "hey, could you please just …", "good morning! I'd like you to …", "let's …"
    [GeneratedRegex($$"""
        ^(?:(?:{{Words.Openers}})(?:\s+there)?\b[,!:]?\s*)*
        (?:(?:{{Words.Please}})\s+)?
        (?:(?:maybe|perhaps|possibly|probably|honestly|hmm+)[,]?\s+)*
        (?: (?:can|could|would)\s+you\s+be\s+(?:an?\s+)?(?:angel|star|love|dear|darling|gem|doll|sweetheart|treasure|legend|sport)\s+and\s+   # "could you be an angel and …"
          | (?:can|could|would|will)\s+you\s+(?:please\s+|kindly\s+)?(?:maybe\s+|perhaps\s+|possibly\s+)?(?:just\s+)?
            (?:be\s+(?:good|kind)\s+enough\s+to\s+|be\s+so\s+(?:good|kind)\s+as\s+to\s+|be\s+able\s+to\s+)?
          | (?:if|whether)\s+you\s+(?:could|can|would|might)\s+(?:please\s+|kindly\s+)?(?:just\s+)?   # "I was wondering whether you could …"
          | (?:would|will)\s+it\s+be\s+(?:at\s+all\s+|terribly\s+|awfully\s+|very\s+|too\s+)?
            (?:possible|ok(?:ay)?|alright|all\s+right|fine|silly|bad|wrong|wise|crazy|mad|better|a\s+good\s+idea|rude|cheeky|much\s+(?:trouble|bother)|much\s+to\s+ask)
            \s+(?:of\s+me\s+)?(?:for\s+you\s+)?(?:if\s+i\s+|to\s+)(?:ask\s+(?:you\s+)?(?:to\s+)?)?(?:just\s+)?   # "would it be terribly cheeky to ask you to …"
          | i\s+don'?t\s+suppose\s+(?:there's\s+any\s+chance\s+)?you\s+(?:could|can|would|might|coud|cud)?\s*(?:possibly\s+|just\s+)*  # "I don't suppose you could pop milk on"
          | (?:might|may|could|can)\s+i\s+(?:trouble|bother|ask)\s+you\s+to\s+(?:just\s+)?
          | if\s+you(?:'d|\s+would|\s+could)\s+be\s+so\s+(?:good|kind)\s+as\s+to\s+
          | (?:can|could|would)\s+(?=(?:add|delete|remove|mark|tick|complete|rename|change|update|show|list)\b)   # "could remove the third one", once "I don't suppose you" is gone
          | is\s+it\s+(?:possible|ok(?:ay)?)\s+(?:(?:for\s+you\s+)?to\s+|if\s+you\s+(?:just\s+)?)
          | is\s+there\s+(?:a|any)\s+way\s+(?:for\s+you\s+)?to\s+
          | (?:can|could|may|might)\s+i\s+(?:please\s+)?(?:maybe\s+|perhaps\s+|possibly\s+|just\s+)*
          | why\s+(?:won't|wont|can't|cant|don't|dont|didn't|didnt)\s+you\s+(?:just\s+)?    # "why won't you delete the trash one"
          | (?:should|shall)\s+i\s+(?=(?:add|delete|remove|mark|tick|complete|rename|change|update|drop|bin)\b)
          | i\s+(?:might|may)\s+(?:want\s+to\s+)?(?=(?:add|delete|remove|mark|tick|complete|rename|change|update)\b)
          | (?:you|we)\s+(?:can|could|may|might)\s+(?:now\s+|just\s+|maybe\s+)*
          | (?:can|could|shall)\s+we\s+(?:please\s+)?(?:just\s+)?                       # "can we add …", "can we get the gym off the list"
          | (?:i\s+)?reckon\s+you\s+(?:could|can)\s+(?:just\s+)?                 # Australian "reckon you could …"
          | just\s+(?=(?:delete|remove|mark|tick|check|cross|complete|add|show|list|give|tell|put|get|rename|change|update|wipe|drop|bin|lose)\b)   # "just delete it"
        )?
        (?: (?:i'd|i\s+would|i\s+should)\s+like\s+(?:you\s+)?to\s+ | let'?s\s+
          # "I would be grateful if you would …", "I'd be obliged if you could …"
          | (?:i'd|i\s+would|i\s+should)\s+be\s+(?:grateful|obliged|glad|pleased|thankful)\s+if\s+you\s+
            (?:would|could|will|can)\s+(?:kindly\s+|please\s+)?
          | (?:you'll|you\s+will)\s+be\s+(?:pleased|glad|happy|delighted)\s+to\s+(?:hear|know)\s+(?:that\s+)?
          | (?:i'd|i\s+would|i\s+should)\s+(?:be\s+(?:grateful|glad|pleased|thankful)|like)\s+to\s+know\s+
          | (?:would\s+you\s+)?be\s+so\s+kind\s+as\s+to\s+
          | do\s+the\s+needful\s+and\s+
          | i\s+(?:want|would\s+like|wish)\s+that\s+you\s+(?:please\s+)?   # "I want that you delete …" (learners' word order)
          | make\s+(?=(?:finish|complete|delete|remove|erase)\b)             # "make finish the task 2"
          | (?:let\s+me|lemme|i\s+want|i\s+wanna|i\s+wish|i\s+need)\s+(?:to\s+)?
            (?=(?:add|put|create|delete|remove|erase|mark|complete|change|rename|update|edit|amend|alter)\b)
        )?
        (?:please\s+)?
        """, Verbose)]
    private static partial Regex PolitePrefixPattern();

    private static readonly Dictionary<string, string> Gerunds = new(StringComparer.Ordinal)
    {
        ["removing"] = "remove", ["deleting"] = "delete", ["marking"] = "mark", ["adding"] = "add", ["ticking"] = "tick",
        ["checking"] = "check", ["changing"] = "change", ["renaming"] = "rename", ["updating"] = "update",
        ["showing"] = "show", ["listing"] = "list", ["completing"] = "complete", ["crossing"] = "cross", ["putting"] = "put",
        ["getting"] = "get", ["taking"] = "take", ["erasing"] = "erase", ["clearing"] = "clear", ["editing"] = "edit",
    };

    [GeneratedRegex(@"^(?:(?:would|do)\s+you\s+|if\s+you\s+(?:wouldn't|wouldnt|would\s+not|don't|dont|do\s+not)\s+)?(?:mind|try)\s+(?:awfully\s+|terribly\s+|at\s+all\s+)?(?:just\s+)?(?<verb>removing|deleting|marking|adding|ticking|checking|changing|renaming|updating|showing|listing|completing|crossing|putting|getting|taking|erasing|clearing|editing)\b", Verbose)]
    private static partial Regex MindPattern();

    [GeneratedRegex(@"\b(?<verb>tick|check|cross|knock|strike)\s+of\b", Verbose)]
    private static partial Regex VerbOfPattern();

    [GeneratedRegex(@"^put\s+(?!(?:the|my|it|this|that|them|these|those|your|a|an)\b)(?<thing>.+?)\s+down$", Verbose)]
    private static partial Regex PutThingDownPattern();

    [GeneratedRegex(@"\bconsider\s+(?<it>it|that|this|that\s+one|this\s+one)\s+(?:done|complete|completed|finished|sorted)\b", Verbose)]
    private static partial Regex ConsiderDonePattern();

    [GeneratedRegex("""
        ^(?:status|progress|fyi|news)\s*[:\-–]\s*(?=\S)
        | ^log\s*:\s*(?=(?:[a-z]+ed|took|paid|did|got|went|sent|bought|made|rang|wrote|fed|met|ran|swept)\b)   # not "log: buy milk", an add
        | ^(?:after|following|despite|thanks\s+to)\s+[^,]+?\s+(?=i\s+(?:finally|eventually|at\s+last|just)\b)
        | ^(?:my\s+[a-z]+|the\s+[a-z]+|[a-z]+)\s+says\s+(?:that\s+)?(?=\S)     # "Alex says the report's written": what was done, as told
        """, Verbose)]
    private static partial Regex ReportLeadPattern();

    // "my to do list" is the todo list; "I have to do the laundry" keeps its words.
    [GeneratedRegex(@"\bto\s+do\s+(?=lists?\b)|(?<=\b(?:my|the)\s+)to\s+do\b(?!\s+(?:the|a|an|my|it|this|that|some)\b)", Verbose)]
    private static partial Regex ToDoListPattern();

    [GeneratedRegex($$"""
        (?: [\s,.!?]*(?:{{Words.PoliteEndings}})\b
          | [\s]*[,.!?;]+\s*(?:{{Words.CommaEndings}})\b
          | (?<=\d)\s+(?:(?:right\s+)?now|ta|cheers|thanks)\b   # "delete #2 now", "tick off no. 2 ta"
          | \s+(?:and|please)\s+revert\b                       # "kindly mark task 19 as completed and revert"
        )*[\s.!?]*$
        """, Verbose)]
    private static partial Regex PoliteSuffixPattern();

    // "text", “text”, «text», 'text' (single quotes only around words, so "don't" is no quote)
    [GeneratedRegex("""
        ["“”«»] \s* (?<text>[^"“”«»]+?) \s* ["“”«»]
        | (?<=^|\s) ['‘’] (?<text>[^'‘’]+?) ['‘’] (?=$|[\s.,!?])
        | ` (?<text>[^`]+?) `
        """, Verbose)]
    private static partial Regex QuotedPattern();

    [GeneratedRegex("""
        ^(?: ["“”«»] (?<text>[^"“”«»]+) ["“”«»]
           | ['‘’] (?<text>[^'‘’]+) ['‘’]
        )\s*
        (?: (?:in|on|to|onto|into)\s+(?:my|the|our)\s+[\w'-]+(?:\s+[\w'-]+)?
          | thanks|thank\s+you|thx|ty|cheers|ta|please|pls|plz|maybe|perhaps|if\s+possible|for\s+me|too|as\s+well|now|already|ok(?:ay)?
          | \([^()]*\)
          | and\s+(?:stop|don't|dont|quit|no\s+more)\b.*                     # "'Call Gran' AND STOP ASKING ME QUESTIONS"
        )[.!]*$
        """, Verbose)]
    private static partial Regex QuoteThenAsidePattern();

    [GeneratedRegex("""
        ^(?: ["“”«»] (?<text>[^"“”«»]+) ["“”«»]
           | ['‘’] (?<text>[^'‘’]+) ['‘’]
           | ` (?<text>[^`]+) `
        )$
        """, Verbose)]
    private static partial Regex QuotedWholePattern();
}
