using System.Text;
using System.Text.RegularExpressions;
using TodoChatbot.Contracts;

namespace TodoChatbot.Api.Chat.Offline;

/// <summary>Finds the tasks a person means by some words of a title ("the meeting task").</summary>
public static partial class TaskMatcher
{
    /// <summary>
    /// A title equal to the words wins outright; otherwise every word must begin a word of the title,
    /// compared by stem ("meet" finds "Team meeting", "walking" finds "Walk the dog"); failing that, a
    /// word may be a synonym of a title word ("phoned mom" finds "Call mom", <see cref="Synonyms"/>).
    /// Words shorter than three letters must match whole words, so a stray "it" or "a" never finds
    /// "Fix IT ticket" or "Pack items"; small words like "to" or "up" need not be in the title at all.
    /// Case and punctuation are ignored.
    /// </summary>
    public static IReadOnlyList<TaskSummary> Match(IReadOnlyList<TaskSummary> tasks, string words, bool trimPhrases = true)
    {
        var wanted = Wanted(words);
        if (wanted.Length == 0)
            return [];
        var phrase = string.Join(' ', Words(words));
        var exact = tasks.Where(task => string.Join(' ', Words(task.Title)) == phrase).ToArray();
        if (exact.Length > 0)
            return exact;
        var found = All(tasks, wanted);
        if (found.Length > 0)
            return found;
        if (!trimPhrases)
            return [];
        // "spoke with mom": the words that begin phrases may be the verb's, not the title's.
        found = All(tasks, [.. wanted.Where(word => !IsPhraseStart(word))]);
        if (found.Length > 0)
            return found;
        // "picked up the kids from school", "met Alex for coffee": a title seldom says where or why.
        for (var end = Array.FindLastIndex(wanted, IsPhraseStart); end > 0; end = Array.FindLastIndex(wanted, end - 1, IsPhraseStart))
        {
            found = All(tasks, wanted[..end]);
            if (found.Length > 0)
                return found;
        }
        return [];
    }

    /// <summary>The tasks that have every word, or failing that a synonym for every word.</summary>
    private static TaskSummary[] All(IReadOnlyList<TaskSummary> tasks, string[] wanted)
    {
        if (wanted.Length == 0)
            return [];
        var direct = tasks.Where(task => Has(task, wanted, synonyms: false)).ToArray();
        return direct.Length > 0 ? direct : tasks.Where(task => Has(task, wanted, synonyms: true)).ToArray();
    }

    /// <summary>Every word is in the title (a kind word may be missing), and at least one that is no kind word.</summary>
    private static bool Has(TaskSummary task, string[] wanted, bool synonyms) =>
        wanted.Any(word => !KindWords.Contains(word) && Finds(word, task, synonyms))
        && wanted.All(word => KindWords.Contains(word) || Finds(word, task, synonyms));

    /// <summary>Words that begin a phrase saying where, when or why, which a title seldom has.</summary>
    private static readonly HashSet<string> PhraseStarts =
    [
        "from", "for", "at", "with", "in", "on", "before", "after", "by", "about", "this", "tonight", "today",
        "tomorrow", "yesterday", "last", "there", .. Offline.Words.TextedDays.Split('|'),
    ];

    /// <summary>
    /// Words that say what kind of thing a task is rather than which ("the grocery run", "the dentist
    /// appointment"): a title need not have them, as long as it has the other words.
    /// </summary>
    private static readonly HashSet<string> KindWords =
    [
        "run", "trip", "errand", "thing", "things", "stuff", "job", "chore", "appointment", "appt", "bit", "part",
        "session", "everything", "list", "visit", "payment",
    ];

    private static bool IsPhraseStart(string word) => PhraseStarts.Contains(word);

    /// <summary>
    /// The one task the words most likely mean when <see cref="Match"/> found none, to offer rather
    /// than act on: the only task the <paramref name="fallback"/> words find (what a report was done
    /// to, without its verb: "I fed the cat" → "Feed the cat"), or else the only task that shares a
    /// word no other task has, a one-letter typo allowed ("the grocries" → "Buy groceries"). Null
    /// when there is none or more than one.
    /// </summary>
    public static TaskSummary? Suggest(IReadOnlyList<TaskSummary> tasks, string words, string? fallback)
    {
        if (fallback is not null && Match(tasks, fallback) is [var only])
            return only;
        var wanted = Wanted(fallback ?? words).Where(word => !PhraseStarts.Contains(word)).ToArray();
        var candidates = tasks
            .Where(task => wanted.Any(word => Near(word, task) && tasks.Count(other => Near(word, other)) == 1))
            .ToArray();
        return candidates is [var likely] ? likely : null;
    }

    /// <summary>
    /// Whether words joined by "and" or commas name two or more different tasks, each part on its own
    /// ("the gym and made dinner" → "Go to the gym", "Make dinner").
    /// </summary>
    public static bool NamesSeveral(IReadOnlyList<TaskSummary> tasks, string words)
    {
        var parts = PartsPattern().Split(words);
        if (parts.Length < 2)
            return false;
        var found = parts.Select(part => Match(tasks, string.Join(' ', part.Split(' ').Select(word => PastTense.BaseForm(word) ?? word))))
            .ToArray();
        return found.All(matches => matches.Count > 0) && found.SelectMany(matches => matches).Distinct().Count() >= 2;
    }

    [GeneratedRegex(@"\s*,\s*|\s+(?:and|&|plus)\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PartsPattern();

    /// <summary>A word without its ending: "groceries" → "grocery", "walking" → "walk", "baked" → "bak".</summary>
    public static string Stem(string word)
    {
        var lower = word.ToLowerInvariant();
        if (lower.Length <= 3)
            return lower;
        if (lower.EndsWith("ies", StringComparison.Ordinal) && lower.Length > 4)
            return lower[..^3] + "y";
        if (lower.EndsWith("ing", StringComparison.Ordinal) && lower.Length > 5)
            return WithoutE(Undoubled(lower[..^3]));
        if (lower.EndsWith("ed", StringComparison.Ordinal) && lower.Length > 4 && !lower.EndsWith("eed", StringComparison.Ordinal))
            return WithoutE(Undoubled(lower[..^2]));
        if (lower.EndsWith("es", StringComparison.Ordinal) && (lower.EndsWith("sses", StringComparison.Ordinal)
                || lower.EndsWith("xes", StringComparison.Ordinal) || lower.EndsWith("ches", StringComparison.Ordinal)
                || lower.EndsWith("shes", StringComparison.Ordinal)))
            return lower[..^2];
        if (lower[^1] == 's' && !lower.EndsWith("ss", StringComparison.Ordinal) && !lower.EndsWith("us", StringComparison.Ordinal))
            return WithoutE(lower[..^1]);
        return WithoutE(lower);
    }

    /// <summary>Small words a person adds around a title's words: "I went to the gym", "picked up the kids".</summary>
    private static readonly HashSet<string> Small =
    [
        "a", "an", "the", "my", "our", "your", "his", "her", "their", "some", "all", "and", "to", "at", "in", "on",
        "by", "from", "of", "for", "with", "up", "out", "off", "down", "back", "over", "away", "s", "i", "me", "we",
        "us", "him", "them", "already",
    ];

    /// <summary>The words to look for, without small words; phrase starts stay, to know where a phrase begins.</summary>
    private static string[] Wanted(string words) =>
        Words(words).Where(word => !Small.Contains(word) || PhraseStarts.Contains(word)).SkipWhile(IsPhraseStart).ToArray();

    private static bool Finds(string word, TaskSummary task, bool synonyms)
    {
        var stem = Stem(word);
        return Words(task.Title).Any(titleWord => word.Length < 3
            ? titleWord == word
            : Begins(Stem(titleWord), stem) || (synonyms && Synonyms.Alike(stem, Stem(titleWord))));
    }

    /// <summary>
    /// Whether a word's stem begins a title word's: "groc" finds "groceries". A stem of three letters
    /// must be the whole stem, since so short a start is the start of too many words ("car" is not
    /// "card", "cat" not "catalogue", "pen" not "pension").
    /// </summary>
    private static bool Begins(string titleStem, string stem) =>
        stem.Length > 3 ? titleStem.StartsWith(stem, StringComparison.Ordinal) : titleStem == stem;

    /// <summary>A word the title has, a synonym of one, or a word of five letters or more one typo away from one.</summary>
    private static bool Near(string word, TaskSummary task) =>
        Finds(word, task, synonyms: true)
        || (word.Length >= 5 && Words(task.Title).Any(titleWord => titleWord.Length >= 5 && Spelling.Distance(word, titleWord, 1) <= 1));

    private static string Undoubled(string stem) =>
        stem.Length >= 3 && stem[^1] == stem[^2] && !"lsz".Contains(stem[^1], StringComparison.Ordinal) ? stem[..^1] : stem;

    private static string WithoutE(string stem) => stem.Length > 3 && stem[^1] == 'e' ? stem[..^1] : stem;

    private static string[] Words(string text)
    {
        var letters = new StringBuilder(text.Length);
        foreach (var character in text.ToLowerInvariant())
            letters.Append(char.IsLetterOrDigit(character) ? character : ' ');
        return letters.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }
}
