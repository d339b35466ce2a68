using TodoChatbot.Contracts;

namespace TodoChatbot.Web.Client.Services;

/// <summary>The backend API, through the frontend host's proxy, for the signed-in user.</summary>
public interface ITodoApi
{
    Task<ApiResult<ConversationDto[]>> GetConversationsAsync();
    Task<ApiResult<MessageDto[]>> GetMessagesAsync(int conversationId);
    Task<ApiResult<ChatTurnResponse>> SendAsync(int? conversationId, string message);
    Task<ApiResult<TaskDto[]>> GetTasksAsync(string status);
    Task<ApiResult<TaskDto>> ToggleCompleteAsync(int taskId);
    Task<ApiResult<bool>> DeleteTaskAsync(int taskId);
}

public sealed class TodoApi(HttpClient http, Session session) : ITodoApi
{
    private string User => Uri.EscapeDataString(session.User?.Id ?? throw new InvalidOperationException("Not signed in."));

    public Task<ApiResult<ConversationDto[]>> GetConversationsAsync() =>
        http.SendAsync<ConversationDto[]>(HttpClientJson.Json(HttpMethod.Get, $"api/{User}/conversations"));

    public Task<ApiResult<MessageDto[]>> GetMessagesAsync(int conversationId) =>
        http.SendAsync<MessageDto[]>(HttpClientJson.Json(HttpMethod.Get, $"api/{User}/conversations/{conversationId}/messages"));

    public Task<ApiResult<ChatTurnResponse>> SendAsync(int? conversationId, string message) =>
        http.SendAsync<ChatTurnResponse>(HttpClientJson.Json(HttpMethod.Post, $"api/{User}/chat", new ChatRequest(conversationId, message)));

    public Task<ApiResult<TaskDto[]>> GetTasksAsync(string status) =>
        http.SendAsync<TaskDto[]>(HttpClientJson.Json(HttpMethod.Get, $"api/{User}/tasks?status={Uri.EscapeDataString(status)}"));

    public Task<ApiResult<TaskDto>> ToggleCompleteAsync(int taskId) =>
        http.SendAsync<TaskDto>(HttpClientJson.Json(HttpMethod.Patch, $"api/{User}/tasks/{taskId}/complete"));

    public Task<ApiResult<bool>> DeleteTaskAsync(int taskId) =>
        http.SendAsync<bool>(HttpClientJson.Json(HttpMethod.Delete, $"api/{User}/tasks/{taskId}"));
}
