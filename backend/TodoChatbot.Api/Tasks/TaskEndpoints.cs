using System.ComponentModel;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using TodoChatbot.Api.Auth;
using TodoChatbot.Api.Data;
using TodoChatbot.Contracts;
using TodoChatbot.ServiceDefaults;

namespace TodoChatbot.Api.Tasks;

public static class TaskEndpoints
{
    public static IEndpointRouteBuilder MapTaskApi(this IEndpointRouteBuilder app)
    {
        var tasks = app.MapGroup($"/api/{{{OwnUserPathFilter.RouteParameter}}}/tasks")
            .WithTags("Tasks")
            .RequireAuthorization()
            .AddEndpointFilter<OwnUserPathFilter>();

        // The two busiest routes check the caller's account in their own statement.
        tasks.MapGet("/", ListAsync).ChecksAccountInItsQuery().WithSummary("List tasks; ?status=all|pending|completed.");
        tasks.MapPost("/", CreateAsync).ChecksAccountInItsQuery().WithSummary("Create a task.");
        tasks.MapGet("/{id:int}", GetAsync).WithSummary("One task.");
        tasks.MapPut("/{id:int}", UpdateAsync).WithSummary("Replace a task's title and description (and completion, when given).");
        tasks.MapDelete("/{id:int}", DeleteAsync).WithSummary("Delete a task.");
        tasks.MapPatch("/{id:int}/complete", ToggleCompleteAsync).WithSummary("Toggle a task between pending and completed.");
        return app;
    }

    private static async Task<Results<Ok<TaskDto[]>, ValidationProblem, ChallengeHttpResult>> ListAsync(
        [AsParameters] TaskCaller caller, string? status = null)
    {
        if (!TaskStatusFilter.TryParse(status, out var filter))
            return FieldErrors.For("status", $"Status must be one of: {string.Join(", ", TaskStatusFilter.Values)}.");
        var tasks = await caller.Tasks.ListIfAccountExistsAsync(caller.UserId, filter, caller.CancellationToken);
        return tasks is null ? AccountTokenValidation.AccountGone(caller.Context) : TypedResults.Ok(tasks.Select(task => task.ToDto()).ToArray());
    }

    private static async Task<Results<Created<TaskDto>, ValidationProblem, ChallengeHttpResult>> CreateAsync(
        CreateTaskRequest request, [AsParameters] TaskCaller caller)
    {
        if (Validate(request.Title, request.Description, out var title, out var description) is { } problem)
            return problem;
        var task = await caller.Tasks.CreateAsync(caller.UserId, title, description, caller.CancellationToken);
        return task is null
            ? AccountTokenValidation.AccountGone(caller.Context)
            : TypedResults.Created($"/api/{caller.UserId}/tasks/{task.Number}", task.ToDto());
    }

    private static async Task<Results<Ok<TaskDto>, ProblemHttpResult>> GetAsync(
        [Description(TaskRules.NumberDescription)] int id, [AsParameters] TaskCaller caller) =>
        await caller.Tasks.FindAsync(caller.UserId, id, caller.CancellationToken) is { } task
            ? TypedResults.Ok(task.ToDto())
            : NotFound(id);

    private static async Task<Results<Ok<TaskDto>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        [Description(TaskRules.NumberDescription)] int id, UpdateTaskRequest request, [AsParameters] TaskCaller caller)
    {
        if (Validate(request.Title, request.Description, out var title, out var description) is { } problem)
            return problem;
        return await caller.Tasks.UpdateAsync(caller.UserId, id, title, description, request.Completed, caller.CancellationToken) is { } task
            ? TypedResults.Ok(task.ToDto())
            : NotFound(id);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        [Description(TaskRules.NumberDescription)] int id, [AsParameters] TaskCaller caller) =>
        await caller.Tasks.DeleteAsync(caller.UserId, id, caller.CancellationToken) is not null
            ? TypedResults.NoContent()
            : NotFound(id);

    private static async Task<Results<Ok<TaskDto>, ProblemHttpResult>> ToggleCompleteAsync(
        [Description(TaskRules.NumberDescription)] int id, [AsParameters] TaskCaller caller) =>
        await caller.Tasks.SetCompletedAsync(caller.UserId, id, completed: null, caller.CancellationToken) is { } task
            ? TypedResults.Ok(task.ToDto())
            : NotFound(id);

    private static ValidationProblem? Validate(string? rawTitle, string? rawDescription, out string title, out string? description) =>
        new FieldErrors()
            .Add("title", TaskRules.ValidateTitle(rawTitle, out title))
            .Add("description", TaskRules.ValidateDescription(rawDescription, out description))
            .Problem();

    /// <summary>The same answer whether the task never existed or belongs to someone else.</summary>
    private static ProblemHttpResult NotFound(int id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Task not found", detail: $"There is no task {id} in your list.");

    public static TaskDto ToDto(this TodoTask task) =>
        new(task.Number, task.Title, task.Description, task.Completed, task.CreatedAt, task.UpdatedAt);

    public static TaskSummary ToSummary(this TodoTask task) => new(task.Number, task.Title, task.Completed);

    /// <summary>What every task handler is given besides its own arguments: who asks, and the task operations.</summary>
    internal readonly record struct TaskCaller(HttpContext Context, TaskService Tasks, CancellationToken CancellationToken)
    {
        public string UserId => Context.User.GetUserId();
    }
}
