using System.ComponentModel;
using System.Text.Json;
using ModelContextProtocol.Server;
using TodoChatbot.Api.Auth;
using TodoChatbot.Api.Tasks;
using TodoChatbot.Contracts;

namespace TodoChatbot.Api.Chat;

/// <summary>
/// The five tools the assistant (and any MCP client) manages a todo list with. An instance belongs
/// to one request and acts only for that request's authenticated user: no tool takes a user id, so
/// neither a model nor a prompt can name another user. Arguments are untrusted input and are
/// checked like API input; a tool that cannot do what was asked returns <see cref="ToolError"/>.
/// Every call is recorded, so a chat turn can report the tools it ran even when the model fails
/// later, and counted by tool and outcome (<see cref="ChatMetrics.ToolCalled"/>).
/// </summary>
[McpServerToolType]
#pragma warning disable CA1707 // Parameter names are the tools' wire names (task_id), as the specification gives them.
public sealed class TodoTools(TaskService tasks, CurrentUser user, ChatMetrics metrics)
{
    private readonly List<ToolCallDto> _calls = [];

    /// <summary>The tools this instance ran, in order.</summary>
    public IReadOnlyList<ToolCallDto> Calls => _calls;

    [McpServerTool(Name = ToolNames.AddTask, UseStructuredContent = true, OutputSchemaType = typeof(TaskActionResult)), Description("Add a task to the user's todo list.")]
    public async Task<object> AddTask(
        [Description("What to do, 1-200 characters, e.g. 'Buy groceries'.")] string title,
        [Description("Optional details, up to 1000 characters.")] string? description = null,
        CancellationToken cancellationToken = default)
    {
        var arguments = new { title, description };
        if (TaskRules.ValidateTitle(title, out var cleanTitle) is { } titleError)
            return Record(ToolNames.AddTask, arguments, new ToolError(titleError));
        if (TaskRules.ValidateDescription(description, out var cleanDescription) is { } descriptionError)
            return Record(ToolNames.AddTask, arguments, new ToolError(descriptionError));
        // Null only when the account was deleted after this request's token check.
        var task = await tasks.CreateAsync(user.Id, cleanTitle, cleanDescription, cancellationToken);
        return Record(ToolNames.AddTask, arguments, task is null
            ? new ToolError("The user's account no longer exists.")
            : new TaskActionResult(task.Number, "created", task.Title));
    }

    [McpServerTool(Name = ToolNames.ListTasks, UseStructuredContent = true, OutputSchemaType = typeof(TaskSummary[])), Description("List the user's tasks with their numbers (id), titles and completion.")]
    public async Task<object> ListTasks(
        [Description("Which tasks: 'all' (default), 'pending' or 'completed'.")] string? status = null,
        CancellationToken cancellationToken = default)
    {
        var arguments = new { status };
        if (!TaskStatusFilter.TryParse(status, out var filter))
            return Record(ToolNames.ListTasks, arguments, new ToolError($"status must be {TaskStatusFilter.OneOf}."));
        var found = await tasks.ListAsync(user.Id, filter, cancellationToken);
        return Record(ToolNames.ListTasks, arguments, found.Select(task => task.ToSummary()).ToArray());
    }

    [McpServerTool(Name = ToolNames.CompleteTask, UseStructuredContent = true, OutputSchemaType = typeof(TaskActionResult)), Description("Mark one of the user's tasks as completed.")]
    public async Task<object> CompleteTask(
        [Description("The task's number in the user's list (1, 2, 3 …), as list_tasks shows it.")] int task_id,
        CancellationToken cancellationToken = default)
    {
        var task = await tasks.SetCompletedAsync(user.Id, task_id, completed: true, cancellationToken);
        return Record(ToolNames.CompleteTask, new { task_id },
            task is null ? NotFound(task_id) : new TaskActionResult(task.Number, "completed", task.Title));
    }

    [McpServerTool(Name = ToolNames.DeleteTask, UseStructuredContent = true, OutputSchemaType = typeof(TaskActionResult)), Description("Delete one of the user's tasks.")]
    public async Task<object> DeleteTask(
        [Description("The task's number in the user's list (1, 2, 3 …), as list_tasks shows it.")] int task_id,
        CancellationToken cancellationToken = default)
    {
        var task = await tasks.DeleteAsync(user.Id, task_id, cancellationToken);
        return Record(ToolNames.DeleteTask, new { task_id },
            task is null ? NotFound(task_id) : new TaskActionResult(task.Number, "deleted", task.Title));
    }

    [McpServerTool(Name = ToolNames.UpdateTask, UseStructuredContent = true, OutputSchemaType = typeof(TaskActionResult)), Description("Change the title and/or description of one of the user's tasks.")]
    public async Task<object> UpdateTask(
        [Description("The task's number in the user's list (1, 2, 3 …), as list_tasks shows it.")] int task_id,
        [Description("New title, 1-200 characters; omit to keep the current one.")] string? title = null,
        [Description("New description, up to 1000 characters; omit to keep the current one.")] string? description = null,
        CancellationToken cancellationToken = default)
    {
        var arguments = new { task_id, title, description };
        if (title is null && description is null)
            return Record(ToolNames.UpdateTask, arguments, new ToolError("Give a new title or a new description."));
        var existing = await tasks.FindAsync(user.Id, task_id, cancellationToken);
        if (existing is null)
            return Record(ToolNames.UpdateTask, arguments, NotFound(task_id));
        if (TaskRules.ValidateTitle(title ?? existing.Title, out var cleanTitle) is { } titleError)
            return Record(ToolNames.UpdateTask, arguments, new ToolError(titleError));
        if (TaskRules.ValidateDescription(description ?? existing.Description, out var cleanDescription) is { } descriptionError)
            return Record(ToolNames.UpdateTask, arguments, new ToolError(descriptionError));
        var task = await tasks.UpdateAsync(user.Id, task_id, cleanTitle, cleanDescription, completed: null, cancellationToken);
        return Record(ToolNames.UpdateTask, arguments,
            task is null ? NotFound(task_id) : new TaskActionResult(task.Number, "updated", task.Title));
    }

    private static ToolError NotFound(int taskId) => new($"Task {taskId} was not found in the user's list.", ToolError.NotFoundCode);

    /// <returns>
    /// The result as the JSON recorded for the call: what the caller (the MCP server, or the chat
    /// pipeline, which passes it on as it is) would otherwise serialize again.
    /// </returns>
    private object Record(string name, object arguments, object result)
    {
        metrics.ToolCalled(name, result);
        var json = JsonSerializer.SerializeToElement(result, result.GetType(), ContractJson.Options);
        _calls.Add(new ToolCallDto(name, JsonSerializer.SerializeToElement(arguments, ContractJson.Options), json));
        return json;
    }
}
#pragma warning restore CA1707
