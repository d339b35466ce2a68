namespace TodoChatbot.Api.Tasks;

public static class TaskExtensions
{
    /// <summary>The task operations (<see cref="TaskService"/>), one per request, shared by the task API and the chat tools.</summary>
    public static WebApplicationBuilder AddTasks(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<TaskService>();
        return builder;
    }
}
