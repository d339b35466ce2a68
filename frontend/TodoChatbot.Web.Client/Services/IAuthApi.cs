using TodoChatbot.Contracts;

namespace TodoChatbot.Web.Client.Services;

/// <summary>Sign-in through the frontend host's BFF endpoints; the token stays in an HttpOnly cookie.</summary>
public interface IAuthApi
{
    Task<ApiResult<UserDto>> GetUserAsync(CancellationToken cancellationToken = default);
    Task<ApiResult<UserDto>> LoginAsync(LoginRequest request);
    Task<ApiResult<UserDto>> RegisterAsync(RegisterRequest request);
    Task LogoutAsync();
}

public sealed class AuthApi(HttpClient http) : IAuthApi
{
    public Task<ApiResult<UserDto>> GetUserAsync(CancellationToken cancellationToken = default) =>
        http.SendAsync<UserDto>(HttpClientJson.Json(HttpMethod.Get, "bff/user"), cancellationToken);

    public Task<ApiResult<UserDto>> LoginAsync(LoginRequest request) =>
        http.SendAsync<UserDto>(HttpClientJson.Json(HttpMethod.Post, "bff/login", request));

    public Task<ApiResult<UserDto>> RegisterAsync(RegisterRequest request) =>
        http.SendAsync<UserDto>(HttpClientJson.Json(HttpMethod.Post, "bff/register", request));

    public Task LogoutAsync() => http.SendAsync<bool>(HttpClientJson.Json(HttpMethod.Post, "bff/logout"));
}
