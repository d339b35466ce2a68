using System.Text.Json;
using TodoChatbot.Contracts;
using TodoChatbot.Web.Client.Services;

namespace TodoChatbot.Web.Client.Tests;

/// <summary>The backend as the components see it, scripted per test and recording what was asked.</summary>
public sealed class FakeTodoApi : ITodoApi
{
    public List<TaskDto> Tasks { get; } = [];
    public List<ConversationDto> Conversations { get; } = [];
    public Dictionary<int, MessageDto[]> Messages { get; } = [];
    public List<string> Sent { get; } = [];
    public List<string> TaskQueries { get; } = [];

    /// <summary>Answers for the next chat messages, in order; none left means "Done."</summary>
    public Queue<ApiResult<ChatTurnResponse>> Replies { get; } = new();

    /// <summary>When set, task queries wait for it (to observe the loading state) or fail with it.</summary>
    public TaskCompletionSource<bool>? TasksGate { get; set; }
    public ApiProblem? TasksProblem { get; set; }

    public Task<ApiResult<ConversationDto[]>> GetConversationsAsync() => Task.FromResult<ApiResult<ConversationDto[]>>(Conversations.ToArray());

    public Task<ApiResult<MessageDto[]>> GetMessagesAsync(int conversationId) =>
        Task.FromResult<ApiResult<MessageDto[]>>(Messages.GetValueOrDefault(conversationId, []));

    public Task<ApiResult<ChatTurnResponse>> SendAsync(int? conversationId, string message)
    {
        Sent.Add(message);
        return Task.FromResult(Replies.Count > 0 ? Replies.Dequeue() : new ChatTurnResponse(conversationId ?? 1, "Done.", []));
    }

    public async Task<ApiResult<TaskDto[]>> GetTasksAsync(string status)
    {
        TaskQueries.Add(status);
        if (TasksGate is not null)
            await TasksGate.Task;
        if (TasksProblem is not null)
            return TasksProblem;
        return Tasks.Where(task => status switch
        {
            TaskStatusFilter.Pending => !task.Completed,
            TaskStatusFilter.Completed => task.Completed,
            _ => true,
        }).ToArray();
    }

    public Task<ApiResult<TaskDto>> ToggleCompleteAsync(int taskId)
    {
        var index = Tasks.FindIndex(task => task.Id == taskId);
        Tasks[index] = Tasks[index] with { Completed = !Tasks[index].Completed };
        return Task.FromResult<ApiResult<TaskDto>>(Tasks[index]);
    }

    public Task<ApiResult<bool>> DeleteTaskAsync(int taskId)
    {
        Tasks.RemoveAll(task => task.Id == taskId);
        return Task.FromResult<ApiResult<bool>>(true);
    }

    public static TaskDto NewTask(int id, string title, bool completed = false) =>
        new(id, title, null, completed, DateTime.UtcNow, DateTime.UtcNow);

    public static ToolCallDto Call(string name, object arguments, object result) =>
        new(name, JsonSerializer.SerializeToElement(arguments), JsonSerializer.SerializeToElement(result));
}

public sealed class FakeAuthApi : IAuthApi
{
    public ApiResult<UserDto> User { get; set; } = new ApiProblem(401, "Sign in to continue.", new Dictionary<string, string[]>());
    public ApiResult<UserDto> LoginResult { get; set; }
    public List<LoginRequest> Logins { get; } = [];

    public Task<ApiResult<UserDto>> GetUserAsync(CancellationToken cancellationToken = default) => System.Threading.Tasks.Task.FromResult(User);

    public Task<ApiResult<UserDto>> LoginAsync(LoginRequest request)
    {
        Logins.Add(request);
        return System.Threading.Tasks.Task.FromResult(LoginResult);
    }

    public Task<ApiResult<UserDto>> RegisterAsync(RegisterRequest request) => System.Threading.Tasks.Task.FromResult(LoginResult);

    public Task LogoutAsync() => System.Threading.Tasks.Task.CompletedTask;
}
