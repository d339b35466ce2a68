namespace TodoChatbot.Api.Chat.Offline;

/// <summary>
/// Words people use for the words in their task titles: "I phoned mom" did "Call mom", "I cooked
/// dinner" did "Make dinner". Only tried when the words themselves find no task, so a title that
/// says "phone" is still found by "phone" alone. Each group is a set of words that may stand for one
/// another; a word may be in several groups. Compared by <see cref="TaskMatcher.Stem"/>.
/// </summary>
internal static class Synonyms
{
    private static readonly string[][] Groups =
    [
        ["call", "phone", "ring", "telephone", "talk", "speak", "contact"],
        ["buy", "purchase", "get", "grab", "pick", "shop", "order"],
        ["send", "post", "mail", "email", "e-mail", "message", "submit"],
        ["submit", "hand", "turn", "deliver", "file", "drop"],
        ["clean", "tidy", "wash", "vacuum", "hoover", "scrub"],
        ["fix", "repair", "mend"],
        ["make", "cook", "prepare"],
        ["meet", "see", "visit"],
        ["go", "hit", "visit", "attend"],
        ["walk", "take"],
        ["pay", "settle"],
        ["book", "reserve"],
        ["write", "draft"],
        ["groceries", "grocery", "shopping", "food"],
        ["mom", "mum", "mother", "mommy", "ma"],
        ["dad", "father", "daddy", "pa"],
        ["doctor", "doc", "gp"],
        ["kids", "children", "child"],
        ["bike", "bicycle"],
        ["dog", "doggo", "doggy", "puppy", "pup", "pooch"],
        ["cat", "kitty", "kitten"],
        ["trash", "garbage", "rubbish", "bins"],
        ["laundry", "washing"],
        ["dinner", "supper"],
        ["gym", "workout"],
        ["appointment", "appt"],
        ["gift", "present"],
    ];

    private static readonly Dictionary<string, int[]> GroupsOf = Groups
        .SelectMany((group, index) => group.Select(word => (Stem: TaskMatcher.Stem(word), Index: index)))
        .GroupBy(entry => entry.Stem)
        .ToDictionary(entries => entries.Key, entries => entries.Select(entry => entry.Index).Distinct().ToArray());

    /// <summary>Whether the two stems are words of one group.</summary>
    public static bool Alike(string stem, string other) =>
        GroupsOf.TryGetValue(stem, out var groups) && GroupsOf.TryGetValue(other, out var others)
        && groups.Any(others.Contains);
}
