using System.Globalization;
using System.Text;
using System.Text.Json;
using TodoChatbot.Api.Chat.Offline;

namespace TodoChatbot.Api.Tests.Chat.Offline;

/// <summary>
/// One row of a phrasing table: a message, the tasks the user has when sending it, and what the
/// offline assistant must do: the exact tool calls with their arguments, or <c>ask</c> (a question
/// or clarification, nothing changed), <c>not found</c> (nothing changed, says so) <c>help</c>, or
/// <c>no change</c> (any answer that changes nothing: a question, not-found or the help text).
/// </summary>
public sealed record PhrasingRow(string Kind, string Phrase, string Tasks, string Expected, int Line)
{
    public override string ToString() => $"{Kind}: {Phrase}";
}

/// <summary>
/// Reads the phrasing tables (markdown: a <c>## kind</c> heading, then <c>| phrase | tasks | expected |</c>
/// rows) so that the tests and the benchmark run the very same rows, and a reader sees the table as
/// a table rather than as C# string literals.
/// </summary>
public static class PhrasingTable
{
    /// <summary>The five tasks a new user typically has; task 5 is already done.</summary>
    public const string FiveTasks = "Buy groceries; Call mom; Call the dentist; Walk the dog; Pay the electricity bill ✓";

    /// <summary>Twenty everyday chores, for reports in the past tense ("I watered the plants").</summary>
    public const string Chores =
        "Water the plants; Send the invoice; Book flights; Pay rent; Clean the garage; Fix the bike; Email Sarah; " +
        "Renew passport; Take out the trash; Write the report; Do the laundry; Go to the gym; Make dinner; " +
        "Pick up the kids; Mop the floor; Tidy my room; Feed the cat; Read the book; Meet with Alex; Buy a birthday card for Sam";

    public static IReadOnlyList<PhrasingRow> Load(string path)
    {
        var rows = new List<PhrasingRow>();
        var kind = "";
        var lines = File.ReadAllLines(path);
        for (var index = 0; index < lines.Length; index++)
        {
            var line = lines[index].Trim();
            if (line.StartsWith("## ", StringComparison.Ordinal))
                kind = line[3..].Trim();
            if (!line.StartsWith('|') || line.StartsWith("| phrase", StringComparison.Ordinal) || line.StartsWith("|--", StringComparison.Ordinal))
                continue;
            var cells = line.Trim('|').Split('|').Select(cell => cell.Trim()).ToArray();
            if (cells.Length != 3)
                throw new FormatException($"{path}:{index + 1}: a row needs phrase | tasks | expected");
            rows.Add(new PhrasingRow(kind, Unquote(cells[0]), cells[1], Unquote(cells[2]), index + 1));
        }
        return rows;
    }

    /// <summary>A phrase in backticks keeps its exact text, so leading spaces or an empty message can be written.</summary>
    private static string Unquote(string cell) =>
        cell.Length >= 2 && cell[0] == '`' && cell[^1] == '`' ? cell[1..^1] : cell;

    /// <summary>"five", "none", or titles separated by ";" (✓ marks a completed one); numbered 1, 2, 3 … in order.</summary>
    public static List<TaskSummary> Tasks(string cell)
    {
        var spec = cell switch { "five" => FiveTasks, "chores" => Chores, "none" => "", _ => cell };
        return spec.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select((title, index) => new TaskSummary(index + 1, title.TrimEnd('✓').Trim(), title.EndsWith('✓')))
            .ToList();
    }

    /// <summary>Runs the row's message and says whether the assistant did what the row expects.</summary>
    public static (bool Passed, string Actual) Check(PhrasingRow row)
    {
        var turn = OfflineTurn.Run(row.Phrase, Tasks(row.Tasks));
        var changed = turn.Calls.Any(call => !call.StartsWith(ToolNames.ListTasks, StringComparison.Ordinal));
        var help = turn.Reply.EndsWith(OfflinePlanner.HelpText, StringComparison.Ordinal);
        var passed = row.Expected switch
        {
            "help" => help && turn.Calls.Count == 0,
            "ask" => !help && !changed && !turn.Reply.StartsWith("You have", StringComparison.Ordinal),
            "not found" => !changed && turn.Reply.Contains("couldn't find", StringComparison.Ordinal),
            "no change" => !changed,
            _ => string.Join(" → ", turn.Calls) == row.Expected,
        };
        return (passed, turn.Describe());
    }
}

/// <summary>What the assistant did with one message.</summary>
public sealed record TurnResult(IReadOnlyList<string> Calls, string Reply)
{
    public string Describe() => (Calls.Count == 0 ? "" : string.Join(" → ", Calls) + " ⇒ ") + Reply;
}

/// <summary>
/// One message through the offline assistant against an in-memory task list, the way the chat
/// endpoint runs it: parse, then plan step by step, each tool call answered like the real tools
/// answer (same result shapes, <c>not_found</c> for a number that is not in the list).
/// </summary>
public static class OfflineTurn
{
    private const int MaxToolRounds = 5;

    public static TurnResult Run(string message, List<TaskSummary> tasks)
    {
        var command = CommandParser.Parse(message);
        var outcomes = new List<ToolOutcome>();
        var calls = new List<string>();
        for (var round = 0; round <= MaxToolRounds; round++)
        {
            switch (OfflinePlanner.Next(command, outcomes))
            {
                case Reply reply:
                    return new TurnResult(calls, reply.Text);
                case CallTool call:
                    calls.Add(Render(call));
                    outcomes.Add(new ToolOutcome(call.Name, Execute(call, tasks)));
                    break;
            }
        }
        throw new InvalidOperationException($"more than {MaxToolRounds} tool calls for “{message}”");
    }

    /// <summary>name(task_id=…, status=…, title=…, description=…): fixed argument order, so rows compare as text.</summary>
    public static string Render(CallTool call)
    {
        var text = new StringBuilder(call.Name).Append('(');
        var first = true;
        foreach (var name in new[] { "task_id", "status", "title", "description" })
        {
            if (!call.Arguments.TryGetValue(name, out var value) || value is null)
                continue;
            text.Append(first ? "" : ", ").Append(name).Append('=').Append(Convert.ToString(value, CultureInfo.InvariantCulture));
            first = false;
        }
        return text.Append(')').ToString();
    }

    private static JsonElement Execute(CallTool call, List<TaskSummary> tasks)
    {
        string? Text(string name) => call.Arguments.TryGetValue(name, out var value) ? value as string : null;
        var id = call.Arguments.TryGetValue("task_id", out var raw) && raw is int number ? number : 0;
        var index = tasks.FindIndex(task => task.Id == id);
        object result;
        switch (call.Name)
        {
            case ToolNames.AddTask:
                var added = new TaskSummary(tasks.Count == 0 ? 1 : tasks.Max(task => task.Id) + 1, Text("title")!, false);
                tasks.Add(added);
                result = new TaskActionResult(added.Id, "created", added.Title);
                break;
            case ToolNames.ListTasks:
                result = tasks.Where(task => Text("status") switch
                {
                    TaskStatusFilter.Pending => !task.Completed,
                    TaskStatusFilter.Completed => task.Completed,
                    _ => true,
                }).ToArray();
                break;
            case var _ when index < 0:
                result = new ToolError($"Task {id} was not found.", ToolError.NotFoundCode);
                break;
            case ToolNames.CompleteTask:
                tasks[index] = tasks[index] with { Completed = true };
                result = new TaskActionResult(id, "completed", tasks[index].Title);
                break;
            case ToolNames.DeleteTask:
                result = new TaskActionResult(id, "deleted", tasks[index].Title);
                tasks.RemoveAt(index);
                break;
            case ToolNames.UpdateTask:
                tasks[index] = tasks[index] with { Title = Text("title") ?? tasks[index].Title };
                result = new TaskActionResult(id, "updated", tasks[index].Title);
                break;
            default:
                throw new InvalidOperationException($"unknown tool {call.Name}");
        }
        return JsonSerializer.SerializeToElement(result, result.GetType());
    }
}
