using System.Text;

namespace TodoChatbot.Contracts;

/// <summary>
/// What any stored text must be: valid Unicode, no control characters (NUL above all, which
/// PostgreSQL text cannot hold), and at most a number of characters counted as code points, the way
/// PostgreSQL's <c>varchar(n)</c> counts them.
/// </summary>
public static class TextRules
{
    /// <summary>The reason <paramref name="text"/> is not acceptable, or null.</summary>
    public static string? Check(string text, string field, int maxLength, bool allowLineBreaks)
    {
        ArgumentNullException.ThrowIfNull(text);
        var length = 0;
        var index = 0;
        while (index < text.Length)
        {
            if (Rune.DecodeFromUtf16(text.AsSpan(index), out var rune, out var consumed) != System.Buffers.OperationStatus.Done)
                return $"{field} contains invalid Unicode text.";
            if (Rune.IsControl(rune) && !(allowLineBreaks && rune.Value is '\n' or '\r' or '\t'))
                return $"{field} must not contain control characters.";
            index += consumed;
            if (++length > maxLength)
                return $"{field} must be at most {maxLength} characters.";
        }
        return null;
    }
}
