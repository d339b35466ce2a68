namespace TodoChatbot.Api.Chat.Offline;

/// <summary>
/// Turns the verb of a report ("I bought the groceries", "walked the dog") back into the form a
/// task's title uses ("Buy groceries", "Walk the dog"), so the report can find the task it completes.
/// </summary>
public static class PastTense
{
    /// <summary>Irregular past tenses and participles of the verbs people put in todo titles.</summary>
    private static readonly Dictionary<string, string> Irregular = new(StringComparer.OrdinalIgnoreCase)
    {
        ["bought"] = "buy", ["brought"] = "bring", ["paid"] = "pay", ["went"] = "go", ["took"] = "take",
        ["taken"] = "take", ["wrote"] = "write", ["written"] = "write", ["sent"] = "send", ["made"] = "make",
        ["did"] = "do", ["done"] = "do", ["got"] = "get", ["gotten"] = "get", ["fed"] = "feed", ["read"] = "read",
        ["ran"] = "run", ["met"] = "meet", ["ate"] = "eat", ["eaten"] = "eat", ["drove"] = "drive",
        ["driven"] = "drive", ["gave"] = "give", ["given"] = "give", ["found"] = "find", ["told"] = "tell",
        ["sold"] = "sell", ["spoke"] = "speak", ["swept"] = "sweep", ["hung"] = "hang", ["taught"] = "teach",
        ["caught"] = "catch", ["built"] = "build", ["spent"] = "spend", ["kept"] = "keep", ["won"] = "win",
        ["sang"] = "sing", ["drank"] = "drink", ["rode"] = "ride", ["chose"] = "choose", ["threw"] = "throw",
        ["wore"] = "wear", ["drew"] = "draw", ["flew"] = "fly", ["grew"] = "grow", ["dug"] = "dig",
        ["cut"] = "cut", ["rang"] = "ring", ["rung"] = "ring", ["dealt"] = "deal", ["hit"] = "hit", ["put"] = "put", ["been"] = "go",
        ["saw"] = "see", ["seen"] = "see", ["sat"] = "sit", ["left"] = "leave", ["bent"] = "bend",
        ["lent"] = "lend", ["sought"] = "seek", ["fought"] = "fight", ["shot"] = "shoot", ["stuck"] = "stick",
    };

    /// <summary>
    /// Past tenses that report no completion: wanting, forgetting or starting a task is not doing it,
    /// and a report about a command ("I added a task") is not a command.
    /// </summary>
    private static readonly HashSet<string> NotCompletion = new(StringComparer.OrdinalIgnoreCase)
    {
        "want", "need", "forget", "forgot", "try", "mean", "fail", "miss", "start", "plan", "decide", "hope",
        "like", "love", "hate", "wish", "add", "delet", "remov", "creat", "list", "chang", "updat", "renam",
        "postpon", "delay", "skipp", "skip", "cancel", "cancell", "schedul", "mov", "almost", "nearly",
        "us", "bor", "tir", "confus", "annoy", "worri", "stress", "scar", "excit", "ask", "remind",
    };

    /// <summary>Whether the past form is spelt like the verb itself ("read", "put", "cut"), so it may be a command.</summary>
    public static bool IsAlsoPresent(string word) =>
        Irregular.TryGetValue(word, out var plain) && plain.Equals(word, StringComparison.OrdinalIgnoreCase);

    /// <summary>The plain verb for a past form ("bought" → buy, "tidied" → tidy, "mopped" → mop), or null.</summary>
    public static string? BaseForm(string word)
    {
        if (Irregular.TryGetValue(word, out var irregular))
            return irregular;
        var lower = word.ToLowerInvariant();
        // "need", "feed", "bed" and "red" end in -ed without being past tenses.
        if (lower.Length < 5 || !lower.EndsWith("ed", StringComparison.Ordinal) || lower.EndsWith("eed", StringComparison.Ordinal))
            return null;
        string stem;
        if (lower.EndsWith("ied", StringComparison.Ordinal))
            stem = lower[..^3] + "y";
        else if (lower.Length >= 6 && lower[^3] == lower[^4] && !"aeiouylsfz".Contains(lower[^3], StringComparison.Ordinal))
            stem = lower[..^3]; // mopped → mop, but called → call, passed → pass
        else
            // "walked" → walk; "baked" → bak, which still begins "Bake" (titles match by word beginnings).
            stem = lower[..^2];
        return NotCompletion.Contains(stem) || NotCompletion.Contains(lower[..^2]) ? null : stem;
    }
}
