using System.Text.RegularExpressions;

namespace TodoChatbot.Api.Chat.Offline;

/// <summary>
/// A message typed the way people type to a terminal or a chat bot, as the words the rules read:
/// a command's sigil and a program name ("/add buy milk", "!list pending", "todo done 3"), flags
/// ("ls --done", "add X --desc Y") and fields ("edit 2 desc=TEXT", "del id=2",
/// "new title="X" note="Y""), and the terminal's own words ("rm 4", "x 3", "mv 4 NEW", "check 12").
/// Only where a command is written: at the start of the message or clause, and flags and fields
/// as whole words, so a title keeps its slashes and dashes ("add fix the A/C", "add re-tile").
/// </summary>
internal static partial class CommandLine
{
    private const RegexOptions Verbose = CommandParser.Verbose;

    public static string Read(string text)
    {
        text = FieldPattern().Replace(FlagPattern().Replace(ProgramPattern().Replace(text, ""), match =>
            match.Groups["name"].Value.ToLowerInvariant() switch
            {
                "a" or "all" => " all",
                "done" or "completed" or "finished" or "closed" => " done",
                "pending" or "open" or "todo" or "undone" => " pending",
                "h" or "help" => " help",
                "title" or "t" => " ",
                "m" or "d" or "desc" or "description" or "note" or "notes" => " note: ",
                var other => $" {other}",   // "--until friday", "--due fri", "--priority high": words the rules read as such
            }), match => match.Groups["add"].Success ? "add " : match.Groups["note"].Success ? " note: " : " ");
        text = MessageText.Spaces(text);
        if (ListPattern().Match(text) is { Success: true } list)
            return list.Groups["status"].Value.ToLowerInvariant() switch
            {
                "done" or "completed" or "finished" => "show my completed tasks",
                "pending" or "todo" or "open" => "show my pending tasks",
                _ => "show all my tasks",
            };
        return ChangePattern().Replace(text, match =>
            match.Groups["rm"].Success ? "delete "
            : match.Groups["x"].Success ? $"complete task {match.Groups["x"].Value}"
            : match.Groups["mv"].Success ? $"rename task {match.Groups["mv"].Value} to "
            : $"task {match.Groups["desc"].Value} description: ");
    }

    // "/add …", "!list …", "todo add …", "todo dnoe 3", "todo --help": a sigil, or the program's name
    // before a command word, a flag, or a word and a task number. "todo buy milk" keeps its words.
    [GeneratedRegex("""
        ^(?: [/!](?=[a-z])
           | todos?\s+(?= -
                        | (?:add|new|list|ls|show|done|complete|check|tick|delete|del|rm|remove|edit|update|rename|mv|help|snooze|desc|x)\b
                        | [a-z]+\s+\#?\d+\b )
        )
        """, Verbose)]
    private static partial Regex ProgramPattern();

    // "--done", "-a", "--desc TEXT": a flag stands after a space and is a word of its own.
    [GeneratedRegex(@"(?<=^|\s)(?:--(?<name>[a-z]+)|-(?<name>[ahtmd]))(?=\s|$)\s*", Verbose)]
    private static partial Regex FlagPattern();

    // "new title=X" (an add), "desc=TEXT", "note: TEXT" after a task, "id=2": a field and its value.
    [GeneratedRegex("""
        ^(?<add>(?:new|add|create)\s+title\s*[=:]\s*)
        | (?<=\s)(?<note>(?:desc|description|notes?)\s*=\s*)
        | (?<=\s|^)(?:id|task_?id)\s*[=:]\s*(?=\d)
        """, Verbose)]
    private static partial Regex FieldPattern();

    [GeneratedRegex(@"^ls(?:\s+(?<status>done|completed|finished|pending|todo|open|all|a))?$", Verbose)]
    private static partial Regex ListPattern();

    [GeneratedRegex(@"^(?: (?<rm>rm)\s+(?=\S) | (?:x|check)\s+\#?(?<x>\d+)$ | mv\s+\#?(?<mv>\d+)\s+(?=\S) | desc\s+\#?(?<desc>\d+)\s*:\s* )", Verbose)]
    private static partial Regex ChangePattern();
}
