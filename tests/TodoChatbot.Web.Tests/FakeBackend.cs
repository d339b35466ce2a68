using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace TodoChatbot.Web.Tests;

/// <summary>
/// Plays the backend API for the BFF: real HTTP on a loopback port, answering auth the way the
/// real API does, and recording the headers of every request it receives.
/// </summary>
public sealed class FakeBackend : IAsyncDisposable
{
    public const string Password = "correct horse";
    public const string MetricsMarker = "fake_backend_only_metric";
    public static readonly UserDto User = new("user-1", "ann@example.com", "Ann");

    private LoopbackServer _http = null!;

    private FakeBackend()
    {
    }

    /// <summary>A token unique to this run, to search responses for.</summary>
    public string Token { get; } = $"header.payload.{Guid.NewGuid():N}";
    public DateTime ExpiresAt { get; } = DateTime.UtcNow.AddHours(2);
    public ConcurrentQueue<(string Path, string? Authorization, string? Cookie, string? ForwardedFor)> Received { get; } = new();
    public Uri BaseUrl => _http.BaseUrl;

    public static async Task<FakeBackend> StartAsync()
    {
        var backend = new FakeBackend();
        backend._http = await LoopbackServer.StartAsync(app =>
        {
            app.Use((context, next) =>
            {
                var headers = context.Request.Headers;
                backend.Received.Enqueue((context.Request.Path, headers.Authorization.FirstOrDefault(), headers.Cookie.FirstOrDefault(), headers["X-Forwarded-For"].FirstOrDefault()));
                return next(context);
            });
            app.MapPost("/api/auth/login", (LoginRequest request) => request.Password == Password
                ? Results.Ok(new AuthResponse(backend.Token, backend.ExpiresAt, User))
                : Results.Problem(statusCode: 401, title: "Sign-in failed", detail: "Invalid email or password."));
            app.MapPost("/api/auth/register", (RegisterRequest request) =>
                Results.Created("/api/auth/me", new AuthResponse(backend.Token, backend.ExpiresAt, User)));
            app.MapGet("/api/auth/me", (HttpContext context) => context.Request.Headers.Authorization == $"Bearer {backend.Token}"
                ? Results.Ok(User)
                : Results.Problem(statusCode: 401, title: "Unauthorized"));
            app.MapGet("/api/{userId}/tasks", (HttpContext context) => context.Request.Headers.Authorization == $"Bearer {backend.Token}"
                ? Results.Ok(Array.Empty<TaskDto>())
                : Results.Problem(statusCode: 401, title: "Unauthorized"));
            // The real backend serves its metrics here; the BFF must never forward a request to it.
            app.MapGet("/metrics", () => Results.Text($"{MetricsMarker} 1\n", "text/plain"));
            app.MapPost("/api/{userId}/tasks", () => Results.Created("/api/user-1/tasks/1", new TaskDto(1, "Buy groceries", null, false, DateTime.UtcNow, DateTime.UtcNow)));
        }, builder => builder.Services.ConfigureHttpJsonOptions(options => ContractJson.Configure(options.SerializerOptions)));
        return backend;
    }

    public ValueTask DisposeAsync() => _http.DisposeAsync();
}
