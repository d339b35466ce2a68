using System.ComponentModel;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using TodoChatbot.Api.Auth;
using TodoChatbot.Api.Data;
using TodoChatbot.Contracts;

namespace TodoChatbot.Api.Tasks;

public static class TaskEndpoints
{
    public static WebApplicationBuilder AddTaskApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<TaskService>();
        return builder;
    }

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
        HttpContext context, TaskService service, CancellationToken cancellationToken, string? status = null)
    {
        if (!TaskListFilters.TryParse(status, out var filter))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["status"] = [$"Status must be one of: {string.Join(", ", TaskStatusFilter.Values)}."],
            });
        var tasks = await service.ListIfAccountExistsAsync(context.User.GetUserId(), filter, cancellationToken);
        return tasks is null ? AccountTokenValidation.AccountGone(context) : TypedResults.Ok(tasks.Select(ToDto).ToArray());
    }

    private static async Task<Results<Created<TaskDto>, ValidationProblem, ChallengeHttpResult>> CreateAsync(
        CreateTaskRequest request, HttpContext context, TaskService service, CancellationToken cancellationToken)
    {
        if (Validate(request.Title, request.Description, out var title, out var description) is { } problem)
            return problem;
        var userId = context.User.GetUserId();
        var task = await service.CreateAsync(userId, title, description, cancellationToken);
        return task is null
            ? AccountTokenValidation.AccountGone(context)
            : TypedResults.Created($"/api/{userId}/tasks/{task.Number}", ToDto(task));
    }

    private static async Task<Results<Ok<TaskDto>, ProblemHttpResult>> GetAsync(
        [Description(TaskRules.NumberDescription)] int id, ClaimsPrincipal user, TaskService service, CancellationToken cancellationToken) =>
        await service.FindAsync(user.GetUserId(), id, cancellationToken) is { } task
            ? TypedResults.Ok(ToDto(task))
            : NotFound(id);

    private static async Task<Results<Ok<TaskDto>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        [Description(TaskRules.NumberDescription)] int id, UpdateTaskRequest request, ClaimsPrincipal user, TaskService service, CancellationToken cancellationToken)
    {
        if (Validate(request.Title, request.Description, out var title, out var description) is { } problem)
            return problem;
        return await service.UpdateAsync(user.GetUserId(), id, title, description, request.Completed, cancellationToken) is { } task
            ? TypedResults.Ok(ToDto(task))
            : NotFound(id);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        [Description(TaskRules.NumberDescription)] int id, ClaimsPrincipal user, TaskService service, CancellationToken cancellationToken) =>
        await service.DeleteAsync(user.GetUserId(), id, cancellationToken) is not null
            ? TypedResults.NoContent()
            : NotFound(id);

    private static async Task<Results<Ok<TaskDto>, ProblemHttpResult>> ToggleCompleteAsync(
        [Description(TaskRules.NumberDescription)] int id, ClaimsPrincipal user, TaskService service, CancellationToken cancellationToken) =>
        await service.SetCompletedAsync(user.GetUserId(), id, completed: null, cancellationToken) is { } task
            ? TypedResults.Ok(ToDto(task))
            : NotFound(id);

    private static ValidationProblem? Validate(string? rawTitle, string? rawDescription, out string title, out string? description)
    {
        var errors = new Dictionary<string, string[]>();
        if (TaskRules.ValidateTitle(rawTitle, out title) is { } titleError)
            errors["title"] = [titleError];
        if (TaskRules.ValidateDescription(rawDescription, out description) is { } descriptionError)
            errors["description"] = [descriptionError];
        return errors.Count == 0 ? null : TypedResults.ValidationProblem(errors);
    }

    /// <summary>The same answer whether the task never existed or belongs to someone else.</summary>
    private static ProblemHttpResult NotFound(int id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Task not found", detail: $"There is no task {id} in your list.");

    public static TaskDto ToDto(TodoTask task) =>
        new(task.Number, task.Title, task.Description, task.Completed, task.CreatedAt, task.UpdatedAt);
}
