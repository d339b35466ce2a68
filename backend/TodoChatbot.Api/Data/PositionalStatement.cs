using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace TodoChatbot.Api.Data;

/// <summary>
/// Hand-written SQL with <c>@name</c> parameters rewritten once into PostgreSQL's own
/// <c>$1, $2 …</c>, with the names in their positions. Npgsql sends a statement with positional
/// parameters as it is; with named ones it parses the whole text on every execution to rewrite
/// them itself, which a profile of the chat turn showed at about 2 % of the backend's CPU.
/// The hand-written statements are constants, so each is rewritten once and kept. They never
/// have an <c>@</c> or a <c>;</c> inside a string literal or a quoted name, which this rewriting
/// does not look into. Text with more than one statement stays named: Npgsql takes positional
/// parameters only in a single statement (it splits several into a batch itself).
/// </summary>
public sealed partial record PositionalStatement(string Sql, string[] Names)
{
    private static readonly ConcurrentDictionary<string, PositionalStatement?> Rewritten = new(StringComparer.Ordinal);

    /// <returns>The statement with positional parameters, or null when the text holds several statements.</returns>
    public static PositionalStatement? For(string sql) => Rewritten.GetOrAdd(sql, Rewrite);

    private static PositionalStatement? Rewrite(string sql)
    {
        if (sql.TrimEnd().TrimEnd(';').Contains(';', StringComparison.Ordinal))
            return null;
        var names = new List<string>();
        var positional = ParameterPattern().Replace(sql, match =>
        {
            var position = names.IndexOf(match.Groups[1].Value);
            if (position < 0)
            {
                names.Add(match.Groups[1].Value);
                position = names.Count - 1;
            }
            return $"${position + 1}";
        });
        return new PositionalStatement(positional, [.. names]);
    }

    /// <summary>The value of each position, from the named values; a name with no value is a bug in the caller.</summary>
    public object?[] ValuesFrom(IReadOnlyList<(string Name, object? Value)> parameters) =>
        Array.ConvertAll(Names, name =>
        {
            foreach (var (given, value) in parameters)
            {
                if (string.Equals(given, name, StringComparison.Ordinal))
                    return value;
            }
            throw new ArgumentException($"The statement uses @{name}, which has no value.", nameof(parameters));
        });

    // Not after a word character or another @ (an e-mail address, PostgreSQL's @> and @@ operators).
    [GeneratedRegex(@"(?<![\w@])@([A-Za-z_][A-Za-z0-9_]*)", RegexOptions.CultureInvariant)]
    private static partial Regex ParameterPattern();
}
