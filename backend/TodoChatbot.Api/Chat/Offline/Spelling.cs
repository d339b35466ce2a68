using System.Text;

namespace TodoChatbot.Api.Chat.Offline;

/// <summary>How sure a typo correction is: none made, one edit per word, or a word two edits away.</summary>
public enum Confidence
{
    Exact,
    OneEdit,
    Unsure,
}

/// <summary>
/// Fixes one- or two-letter typos in the command words of a message ("shwo my taks", "delte task 3")
/// against a fixed vocabulary, before the rules read it. Only the words where a command is written
/// are touched: the run of words at the start of the message, or of any clause before a title has
/// begun, that are command words or small filler ("mark task 3 as dnoe", "…, so just mrak it
/// done"), and the word just before a task number ("delete tsak 3"). Titles are never touched,
/// so "add lost keys" keeps "lost". A word two edits away from a command word is a guess: the parser
/// then asks instead of changing anything (<see cref="Confidence.Unsure"/>).
/// </summary>
public static class Spelling
{
    /// <summary>The words commands are made of. A typo is corrected to one of these, never to a title word.</summary>
    private static readonly string[] Vocabulary =
    [
        "add", "create", "remind", "show", "list", "display", "view", "delete", "remove", "erase", "cancel",
        "complete", "completed", "finish", "finished", "done", "mark", "check", "tick", "rename", "update",
        "change", "edit", "modify", "task", "tasks", "todo", "todos", "pending", "remaining", "outstanding",
        "incomplete", "unfinished", "left", "what", "what's", "whats", "everything", "number", "title", "description",
        "could", "would", "entry", "removal", "deletion", "completing", "deleting", "removing", "cross", "scrap",
    ];

    /// <summary>Small words that may stand between command words; they are read as they are.</summary>
    private static readonly HashSet<string> Filler = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "my", "me", "all", "new", "as", "of", "on", "in", "is", "are", "it", "and",
        "i", "you", "can", "could", "please", "pls", "now", "do", "so", "at", "no", "up", "by", "or", "if", "be",
        "off", "for", "one", "another", "many", "how", "any", "still", "have", "has", "been", "set", "your",
        "just", "then", "also", "did", "maybe", "perhaps", "possibly", "kindly", "really", "mind",
    };

    /// <summary>
    /// Real words one edit away from a command word ("lost" from list, "ask" from task, "none" from
    /// done): a person typing them means them, so they are never "corrected".
    /// </summary>
    private static readonly HashSet<string> RealWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "last", "lost", "lust", "mist", "ask", "mask", "bask", "cask", "talk", "tank", "tack", "tusk", "snow",
        "slow", "shoe", "shop", "shot", "stow", "none", "gone", "bone", "tone", "cone", "dove", "dine", "dune",
        "dome", "done", "remote", "spending", "lending", "sending", "vending", "mend", "tending", "hat", "chat",
        "that", "odd", "aid", "and", "mart", "park", "dark", "bark", "mask", "marks", "edits", "titles",
        "ticket", "tickle", "deplete", "delegate", "compete", "complex", "numbers", "tasty", "toad", "tofu",
        "vie", "few", "new", "dew", "sew", "sow", "how", "now", "row", "bow", "low", "tow", "wow", "show",
        "mad", "had", "bad", "dad", "sad", "pad", "lad", "fad", "cad", "rad", "add", "adds", "adding",
        "list", "lists", "listen", "view", "views", "change", "charge", "chance", "edit", "exit", "emit",
        "finish", "finnish", "check", "cheek", "chuck", "chick", "tick", "tuck", "tack", "tic", "tock",
        "cancer", "candle", "camel", "cancel", "where", "wheat", "wait", "want", "watt", "what",
        "item", "items", "stem", "title", "tittle", "total", "updates", "rename", "remain", "pick", "kick",
        "lick", "sick", "nick", "wick", "trick", "thick", "ads", "fist", "gist", "lint", "taste", "mars", "whet",
        "cheque", "edict", "stick", "sticks", "remains", "rewind", "remand", "behind", "remit", "rewinds", "that's", "thats", "dont", "wont", "cant", "didnt", "isnt", "wasnt", "doesnt", "havent", "shouldnt", "aint", "lumber", "bending", "mending", "fending", "crate", "tile", "hist", "wish", "whit",
        "competing", "gross", "crass", "cress", "crows", "strap", "scrape", "scraps", "scram", "scrip",
    };

    /// <summary>The states a task is marked as; the last word after "as" or "is" is read against these.</summary>
    private static readonly string[] DoneWords = ["done", "complete", "completed", "finished"];

    /// <summary>Words after which the last word of a message is a state: "mark task 3 as dnoe".</summary>
    private static readonly HashSet<string> StateLinks = new(StringComparer.OrdinalIgnoreCase)
    {
        "as", "is", "are", "been", "was", "were",
    };

    /// <summary>Endings that make a command word another real word: "listed", "changed", "shows".</summary>
    private static readonly string[] Inflections = ["s", "es", "ed", "ing", "er", "ers"];

    /// <summary>
    /// The message with its command words corrected, and how sure the correction is. With
    /// <paramref name="realWords"/>, real words are corrected too ("shoe my tasks"): the parser asks
    /// for that only when the message means nothing as typed.
    /// </summary>
    public static (string Text, Confidence Confidence) Correct(string text, bool realWords = false)
    {
        var words = Tokenize(text);
        var confidence = Confidence.Exact;
        var inCommand = true;
        // Once a title has begun ("add …", "rename task 1 to …") its commas are the title's, not clause breaks.
        var inTitle = false;
        var sawCommand = false;
        for (var index = 0; index < words.Count; index++)
        {
            var (start, length) = words[index];
            var word = text.Substring(start, length);
            // "…, which took ages, so just mrak the passport one as done": a clause begins a command again.
            if (!inTitle && index > 0 && StartsClause(text, words[index - 1], words[index]))
                inCommand = true;
            var beforeNumber = index + 1 < words.Count && IsNumber(text, words[index + 1]) && NothingBetween(text, words[index], words[index + 1]);
            if (word.Equals("to", StringComparison.OrdinalIgnoreCase))
            {
                // "add a task to …", "I have to …": a title follows, and its words are not command words.
                inCommand = false;
                inTitle |= sawCommand;
                continue;
            }
            if (IsVocabulary(word))
            {
                sawCommand = true;
                inTitle |= IsAddVerb(word);
                continue;
            }
            if (IsNumber(text, words[index]) || Filler.Contains(word))
                continue;
            var isState = index == words.Count - 1 && index > 0
                && StateLinks.Contains(text.Substring(words[index - 1].Start, words[index - 1].Length));
            if (!inCommand && !beforeNumber && !isState)
                continue;
            if (Nearest(word, inCommand || beforeNumber ? Vocabulary : DoneWords, realWords) is { } fix)
            {
                words[index] = (start, length);
                text = text[..start] + fix.Word + text[(start + length)..];
                sawCommand = true;
                inTitle |= IsAddVerb(fix.Word);
                Shift(words, index + 1, fix.Word.Length - length);
                if (fix.Distance > 1)
                    confidence = Confidence.Unsure;
                else if (confidence == Confidence.Exact)
                    confidence = Confidence.OneEdit;
                continue;
            }
            inCommand = false;
        }
        return (text, confidence);
    }

    /// <summary>The vocabulary word a typed word most likely is, if it is close enough and only one fits.</summary>
    private static (string Word, int Distance)? Nearest(string word, string[] vocabulary, bool realWords)
    {
        var lower = word.ToLowerInvariant();
        if (lower.Length < 2 || (!realWords && RealWords.Contains(lower)) || IsInflected(lower))
            return null;
        (string Word, int Distance)? best = null;
        var tie = false;
        foreach (var candidate in vocabulary)
        {
            // Short words allow one edit; two edits only between long words, where they are still rare.
            var allowed = lower.Length >= 6 && candidate.Length >= 6 ? 2 : 1;
            // Two edits keep the first letter: "daleet" may be delete, "reading" is not pending.
            if (lower[0] != candidate[0])
                allowed = 1;
            var distance = Distance(lower, candidate, allowed);
            if (distance > allowed || (best is { } current && distance > current.Distance))
                continue;
            if (best is { } same && distance == same.Distance)
            {
                // "taks" is one edit from both task and tasks: the same word, not a tie.
                tie |= !candidate.StartsWith(same.Word, StringComparison.Ordinal) && !same.Word.StartsWith(candidate, StringComparison.Ordinal);
                continue;
            }
            best = (candidate, distance);
            tie = false;
        }
        return tie ? null : best;
    }

    private static bool IsInflected(string lower) => Array.Exists(Vocabulary, command =>
        lower.StartsWith(command, StringComparison.Ordinal) && lower.Length > command.Length && command[^1] != 's'
        && (Array.IndexOf(Inflections, lower[command.Length..]) >= 0 || (command[^1] == 'e' && lower[command.Length..] is "d" or "r")));

    private static bool IsAddVerb(string word) => word.ToLowerInvariant() is "add" or "create" or "remind";

    /// <summary>A sentence or clause ends between the two words: "…, so", "…. Can you …".</summary>
    private static bool StartsClause(string text, (int Start, int Length) previous, (int Start, int Length) word) =>
        text.AsSpan(previous.Start + previous.Length, word.Start - previous.Start - previous.Length).IndexOfAny(".,!?;") >= 0;

    private static bool IsVocabulary(string word) => Array.Exists(Vocabulary, candidate => candidate.Equals(word, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Optimal-string-alignment distance: insertions, deletions, substitutions and swaps of two
    /// neighbouring letters ("shwo") each count one. Stops early once past <paramref name="limit"/>.
    /// </summary>
    public static int Distance(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit)
            return limit + 1;
        // Three rolling rows on the stack: words are short, and this runs for every word of a command.
        var width = b.Length + 1;
        Span<int> rows = stackalloc int[3 * width];
        for (var j = 0; j <= b.Length; j++)
            rows[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            int current = i % 3 * width, previous = (i - 1) % 3 * width, before = (i + 1) % 3 * width;
            rows[current] = i;
            var rowMinimum = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(rows[previous + j] + 1, rows[current + j - 1] + 1), rows[previous + j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    value = Math.Min(value, rows[before + j - 2] + 1);
                rows[current + j] = value;
                rowMinimum = Math.Min(rowMinimum, value);
            }
            if (rowMinimum > limit)
                return limit + 1;
        }
        return rows[a.Length % 3 * width + b.Length];
    }

    /// <summary>Words as (start, length): letters with inner apostrophes ("what's"), or runs of digits.</summary>
    private static List<(int Start, int Length)> Tokenize(string text)
    {
        var words = new List<(int, int)>();
        for (var index = 0; index < text.Length;)
        {
            if (!char.IsLetterOrDigit(text[index]))
            {
                index++;
                continue;
            }
            var start = index;
            var digits = char.IsDigit(text[index]);
            while (index < text.Length && (digits ? char.IsDigit(text[index])
                       : char.IsLetter(text[index]) || (text[index] == '\'' && index + 1 < text.Length && char.IsLetter(text[index + 1]))))
                index++;
            if (index == start)
                index++;
            else
                words.Add((start, index - start));
        }
        return words;
    }

    private static bool IsNumber(string text, (int Start, int Length) word) => char.IsDigit(text[word.Start]);

    /// <summary>"tsak 3" and "tsak #3", not "tsak, 3".</summary>
    private static bool NothingBetween(string text, (int Start, int Length) word, (int Start, int Length) next)
    {
        var between = new StringBuilder();
        for (var index = word.Start + word.Length; index < next.Start; index++)
            between.Append(text[index]);
        return between.ToString().Trim() is "" or "#";
    }

    private static void Shift(List<(int Start, int Length)> words, int from, int by)
    {
        for (var index = from; index < words.Count; index++)
            words[index] = (words[index].Start + by, words[index].Length);
    }
}
