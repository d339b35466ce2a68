using System.Text;
using TodoChatbot.Contracts;

namespace TodoChatbot.Api.Chat.Offline;

/// <summary>Finds the tasks a person means by some words of a title ("the meeting task").</summary>
public static class TaskMatcher
{
    /// <summary>
    /// A title equal to the words wins outright; otherwise every word must begin a word of the
    /// title ("meet" finds "Team meeting"). Words shorter than three letters must match whole words,
    /// so a stray "it" or "a" never finds "Fix IT ticket" or "Pack items". Case and punctuation are ignored.
    /// </summary>
    public static IReadOnlyList<TaskSummary> Match(IReadOnlyList<TaskSummary> tasks, string words)
    {
        var wanted = Words(words);
        if (wanted.Length == 0)
            return [];
        var phrase = string.Join(' ', wanted);
        var exact = tasks.Where(task => string.Join(' ', Words(task.Title)) == phrase).ToArray();
        if (exact.Length > 0)
            return exact;
        return tasks
            .Where(task =>
            {
                var titleWords = Words(task.Title);
                return wanted.All(word => titleWords.Any(titleWord =>
                    word.Length >= 3 ? titleWord.StartsWith(word, StringComparison.Ordinal) : titleWord == word));
            })
            .ToArray();
    }

    private static string[] Words(string text)
    {
        var letters = new StringBuilder(text.Length);
        foreach (var character in text.ToLowerInvariant())
            letters.Append(char.IsLetterOrDigit(character) ? character : ' ');
        return letters.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }
}
