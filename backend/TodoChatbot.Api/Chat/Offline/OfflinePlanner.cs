using System.Text;
using System.Text.Json;
using TodoChatbot.Contracts;

namespace TodoChatbot.Api.Chat.Offline;

/// <summary>The offline assistant's next move in a turn: call a tool, or answer.</summary>
public abstract record OfflineStep;

public sealed record CallTool(string Name, IReadOnlyDictionary<string, object?> Arguments) : OfflineStep;

public sealed record Reply(string Text) : OfflineStep;

/// <summary>A tool result already received in this turn.</summary>
public sealed record ToolOutcome(string Name, JsonElement Result);

/// <summary>
/// Decides, from the command and the tool results so far, what the offline assistant does next.
/// Pure and deterministic: the same message and results give the same step. A task named by words
/// takes two tool calls (list_tasks, then the action on the one match), like a language model would.
/// </summary>
public static class OfflinePlanner
{
    public const string HelpText =
        "I can manage your todo list. Try “add a task to buy groceries”, “what's pending?”, " +
        "“mark task 3 as complete”, “delete the meeting task” or “rename task 1 to Call mom tonight”.";

    public const string OneAtATime =
        "I change one task at a time. Tell me which one, for example “delete task 3” or “show my tasks” to see them.";

    public const string ReopenAnswer = "I can't reopen a task from the chat yet: untick it in your task list instead.";

    public static OfflineStep Next(OfflineCommand command, IReadOnlyList<ToolOutcome> outcomes) => command switch
    {
        AddCommand add when outcomes.Count == 0 => new CallTool(ToolNames.AddTask, Arguments(("title", add.Title), ("description", add.Description))),
        AddCommand => ReplyToAction(outcomes[^1], result => $"Added “{result.Title}” to your list (task {result.TaskId})."),
        ListCommand list when outcomes.Count == 0 => new CallTool(ToolNames.ListTasks, Arguments(("status", list.Status))),
        ListCommand list => new Reply(DescribeList(list.Status, outcomes[^1].Result)),
        CompleteCommand complete => OnTask(complete.Task, "complete", outcomes,
            (id, _) => new CallTool(ToolNames.CompleteTask, Arguments(("task_id", id))),
            result => $"Nice work! “{result.Title}” (task {result.TaskId}) is marked as complete.",
            preferPending: true),
        DeleteCommand delete => OnTask(delete.Task, "delete", outcomes,
            (id, _) => new CallTool(ToolNames.DeleteTask, Arguments(("task_id", id))),
            result => $"Deleted “{result.Title}” (task {result.TaskId}) from your list."),
        UpdateCommand update => OnTask(update.Task, "change", outcomes,
            (id, _) => new CallTool(ToolNames.UpdateTask, Arguments(("task_id", id), ("title", update.NewTitle), ("description", update.NewDescription))),
            result => update.NewTitle is not null
                ? $"Renamed task {result.TaskId} to “{result.Title}”."
                : $"Updated the description of “{result.Title}” (task {result.TaskId})."),
        BulkCommand => new Reply(OneAtATime),
        // "I don't need the groceries anymore": find the task, then ask before deleting it.
        Proposal { Command: DeleteCommand delete } => OnTask(delete.Task, "delete", outcomes,
            (id, title) => new Reply($"Should I delete {(title is null ? $"task {id}" : $"#{id} “{title}”")}? " +
                                     $"Say “delete task {id}” and I will."),
            result => $"Deleted “{result.Title}” (task {result.TaskId}) from your list."),
        // "I walked": find the likely task, then ask before completing it.
        Proposal { Command: CompleteCommand likely } => OnTask(likely.Task, "complete", outcomes,
            (id, title) => new Reply($"Should I mark {(title is null ? $"task {id}" : $"#{id} “{title}”")} as done? " +
                                     $"Say “complete task {id}” and I will."),
            result => $"Nice work! “{result.Title}” (task {result.TaskId}) is marked as complete."),
        // "the dentist one": ask what to do with it when it names a task on the list; otherwise it is no request at all.
        BareReference { Task.Position: null } bare when outcomes.Count == 0 => new CallTool(ToolNames.ListTasks, Arguments(("status", TaskStatusFilter.All))),
        BareReference bare => bare.Task.Position is not null || TaskMatcher.Match(ReadList(outcomes[0].Result), bare.Task.Words!).Count > 0
            ? new Reply($"What should I do with {bare.Task.Describe()}? For example “complete {bare.Task.Spoken()}”, " +
                        $"“delete {bare.Task.Spoken()}” or “rename {bare.Task.Spoken()} to …”.")
            : new Reply(HelpText),
        Question question => new Reply(Ask(question)),
        HelpCommand help => new Reply(Opening(help.Courtesy) + HelpText),
        _ => new Reply(HelpText),
    };

    /// <summary>The question for a request understood only in part: what is missing, or whether it was meant.</summary>
    private static string Ask(Question question) => question switch
    {
        TitleMissing => "What should the task say? For example “add a task to buy groceries”.",
        NewTitleMissing missing =>
            $"What should {missing.Task.Describe()} say instead? For example “rename {missing.Task.Spoken()} to Call grandma”.",
        Proposal { Command: UpdateCommand { NewTitle: { } title } update } =>
            $"Should I rename {update.Task.Describe()} to “{title}”? Say “rename {update.Task.Spoken()} to {title}” and I will.",
        Misspelt misspelt => $"Did you mean “{misspelt.Corrected}”? Say it that way and I'll do it.",
        ReopenRequest => ReopenAnswer,
        TimedReminder => "I can't remind you at a set time: I keep your task list. Say “add …” to put it on the list.",
        SeveralToAdd => "I add one task at a time. Send each as its own message, for example “add buy milk”.",
        AddIfMissing => "I can't tell on my own whether it's already there. Say “show my tasks” to check, then “add …” if it's missing.",
        Retracted => "OK, I've left your list as it is.",
        Unsettled => "I'm not sure which one you mean. Say it once more the way you want it, for example “delete task 4”.",
        _ => HelpText,
    };

    private static string Opening(Courtesy courtesy) => courtesy switch
    {
        Courtesy.Greeting => "Hi! ",
        Courtesy.Thanks => "You're welcome! ",
        _ => "",
    };

    /// <summary>
    /// An action on one task: directly by id, or after listing when named by words or by place. A
    /// task found only by likely words (<see cref="TaskMatcher.Suggest"/>) is offered, never acted on.
    /// </summary>
    private static OfflineStep OnTask(
        TaskReference reference, string verb, IReadOnlyList<ToolOutcome> outcomes,
        Func<int, string?, OfflineStep> act, Func<TaskActionResult, string> confirm, bool preferPending = false)
    {
        if (reference.IsEmpty)
            return new Reply($"Which task should I {verb}? Say its number, like “{verb} task 3”, or “show my tasks” to see them.");
        if (reference is { Id: { } id, Offset: 0 })
            return outcomes.Count == 0 ? act(id, null) : ReplyToAction(outcomes[^1], confirm, reference);
        if (outcomes.Count == 0)
            return new CallTool(ToolNames.ListTasks, Arguments(("status", TaskStatusFilter.All)));
        if (outcomes.Count > 1)
            return ReplyToAction(outcomes[^1], confirm, reference);

        var tasks = ReadList(outcomes[0].Result);
        if (reference.Offset != 0)
            return NextTo(reference, tasks, verb, act);
        if (reference.Position is { } position)
        {
            // "the second one": the place in the list as it is shown, which is by number; "the bottom one" from the end.
            var index = position is TaskReference.Last or TaskReference.LastSaid ? tasks.Count - 1 : position - 1;
            if (index < 0 || index >= tasks.Count)
                return new Reply($"Your list has {Count(tasks.Count, "task")}, so there is no {reference.Words}. Say “show my tasks” to see them.");
            var (placeId, placeTitle) = (tasks[index].Id, tasks[index].Title);
            return position == TaskReference.LastSaid
                ? new Reply($"The last task on your list is #{placeId} “{placeTitle}”. Is that the one? Say “{verb} task {placeId}” and I will.")
                : act(placeId, placeTitle);
        }
        var matches = TaskMatcher.Match(tasks, reference.Words!, trimPhrases: reference.FromStatement);
        if (matches.Count == 0 && reference is { Fallback: { } fallback, ActOnFallback: true })
            matches = TaskMatcher.Match(tasks, fallback);
        if (preferPending && matches.Count > 1 && matches.Count(task => !task.Completed) == 1)
            matches = matches.Where(task => !task.Completed).ToArray();
        return matches.Count switch
        {
            // "walked the dog and bought groceries": each part names its own task.
            0 when TaskMatcher.NamesSeveral(tasks, reference.Fallback ?? reference.Words!) => new Reply(OneAtATime),
            0 when TaskMatcher.Suggest(tasks, reference.Words!, reference.Fallback) is { } likely =>
                new Reply($"I couldn't find a task matching {reference.Describe()}. Did you mean #{likely.Id} “{likely.Title}”? " +
                          $"Say “{verb} task {likely.Id}” and I will."),
            0 => new Reply($"I couldn't find a task matching {reference.Describe()}. Say “show my tasks” to see your list."),
            1 when reference.Also is { } also && TaskMatcher.Match(tasks, also).Any(task => task.Id != matches[0].Id) =>
                new Reply(OneAtATime),
            1 => act(matches[0].Id, matches[0].Title),
            _ => new Reply($"More than one task matches {reference.Describe()}: {string.Join(", ", matches.Select(t => $"#{t.Id} {t.Title}"))}. " +
                           $"Which one? For example “{verb} task {matches[0].Id}”."),
        };
    }

    /// <summary>
    /// "the one after the dentist": the task next to the one named (by number or by words), in the
    /// list's order as it is shown. The named task must be found exactly once.
    /// </summary>
    private static OfflineStep NextTo(TaskReference reference, IReadOnlyList<TaskSummary> tasks, string verb, Func<int, string?, OfflineStep> act)
    {
        var anchor = reference.Id is { } id ? tasks.Where(task => task.Id == id).ToArray() : TaskMatcher.Match(tasks, reference.Words!);
        var side = reference.Offset > 0 ? "after" : "before";
        if (anchor.Count != 1)
            return new Reply(anchor.Count == 0
                ? $"I couldn't find {reference.Describe()} in your list. Say “show my tasks” to see what's there."
                : $"More than one task matches {reference.Describe()}. Say the number of the one you mean, for example “{verb} task {anchor[0].Id}”.");
        var index = tasks.ToList().FindIndex(task => task.Id == anchor[0].Id) + reference.Offset;
        return index >= 0 && index < tasks.Count
            ? act(tasks[index].Id, tasks[index].Title)
            : new Reply($"There is no task {side} #{anchor[0].Id} “{anchor[0].Title}”. Say “show my tasks” to see them.");
    }

    private static Reply ReplyToAction(ToolOutcome outcome, Func<TaskActionResult, string> confirm, TaskReference? reference = null)
    {
        if (ToolError.TryRead(outcome.Result, out var error))
        {
            return new Reply(error.Code == ToolError.NotFoundCode
                ? $"I couldn't find {reference?.Describe() ?? "that task"} in your list. Say “show my tasks” to see what's there."
                : $"I couldn't do that: {error.Error}");
        }
        var result = outcome.Result.Deserialize<TaskActionResult>()
            ?? throw new InvalidOperationException($"{outcome.Name} returned no result");
        return new Reply(confirm(result));
    }

    private static string DescribeList(string status, JsonElement result)
    {
        var tasks = ReadList(result);
        if (tasks.Count == 0)
        {
            return status switch
            {
                TaskStatusFilter.Pending => "Nothing pending: you're all caught up!",
                TaskStatusFilter.Completed => "You haven't completed any tasks yet.",
                _ => "Your list is empty. Try “add a task to buy groceries”.",
            };
        }
        var heading = status switch
        {
            TaskStatusFilter.Pending => $"You have {Count(tasks.Count, "pending task")}:",
            TaskStatusFilter.Completed => $"You have completed {Count(tasks.Count, "task")}:",
            _ => $"You have {Count(tasks.Count, "task")} ({tasks.Count(t => !t.Completed)} pending):",
        };
        var text = new StringBuilder(heading);
        foreach (var task in tasks)
            text.Append('\n').Append($"• #{task.Id} {task.Title}").Append(task.Completed && status == TaskStatusFilter.All ? " ✓" : "");
        return text.ToString();
    }

    private static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";

    private static IReadOnlyList<TaskSummary> ReadList(JsonElement result) =>
        result.ValueKind == JsonValueKind.Array ? result.Deserialize<TaskSummary[]>() ?? [] : [];

    private static Dictionary<string, object?> Arguments(params (string Name, object? Value)[] arguments) =>
        arguments.Where(argument => argument.Value is not null).ToDictionary(argument => argument.Name, argument => argument.Value);
}
