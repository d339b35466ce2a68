using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http.HttpResults;
using TodoChatbot.Contracts;

namespace TodoChatbot.Web.Bff;

/// <summary>
/// Sign-in for the browser app. The BFF calls the backend's auth endpoints, keeps the token in the
/// session cookie and answers with the user only: the token never reaches browser code. Errors
/// from the backend (wrong password, validation, rate limits) are passed through as they are.
/// </summary>
public static class BffEndpoints
{
    public static IEndpointRouteBuilder MapBff(this IEndpointRouteBuilder app)
    {
        var bff = app.MapGroup("/bff").WithTags("BFF");
        bff.MapPost("/login", (LoginRequest request, HttpContext context, IHttpClientFactory clients) =>
            SignInAsync("/api/auth/login", request, context, clients));
        bff.MapPost("/register", (RegisterRequest request, HttpContext context, IHttpClientFactory clients) =>
            SignInAsync("/api/auth/register", request, context, clients));
        bff.MapPost("/logout", (HttpContext context) =>
        {
            AuthCookie.Delete(context);
            return TypedResults.NoContent();
        });
        bff.MapGet("/user", UserAsync);

        // The backend's own auth endpoints would hand the token to the browser: not through here.
        app.Map("/api/auth/{**rest}", () => TypedResults.Problem(
            statusCode: StatusCodes.Status404NotFound,
            title: "Not found",
            detail: "Sign in through /bff/login and /bff/register."));
        return app;
    }

    private static async Task<IResult> SignInAsync<TRequest>(string backendPath, TRequest request, HttpContext context, IHttpClientFactory clients)
    {
        var backend = clients.CreateClient(BackendOptions.HttpClientName);
        using var message = new HttpRequestMessage(HttpMethod.Post, backendPath) { Content = JsonContent.Create(request, options: ContractJson.Options) };
        ForwardClientAddress(context, message);
        using var response = await SendAsync(backend, message, context.RequestAborted);
        if (response is null)
            return BackendUnavailable();
        if (!response.IsSuccessStatusCode)
            return await RelayAsync(response, context);

        var auth = await response.Content.ReadFromJsonAsync<AuthResponse>(ContractJson.Options, context.RequestAborted);
        if (auth is null)
            return BackendUnavailable();
        AuthCookie.Write(context, auth.Token, auth.ExpiresAt);
        return TypedResults.Ok(auth.User);
    }

    private static async Task<IResult> UserAsync(HttpContext context, IHttpClientFactory clients)
    {
        if (AuthCookie.Read(context) is not { } token)
            return NotSignedIn();
        var backend = clients.CreateClient(BackendOptions.HttpClientName);
        using var message = new HttpRequestMessage(HttpMethod.Get, "/api/auth/me");
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await SendAsync(backend, message, context.RequestAborted);
        if (response is null || (int)response.StatusCode >= 500)
            return BackendUnavailable();
        if (!response.IsSuccessStatusCode)
        {
            AuthCookie.Delete(context); // expired or revoked: forget it
            return NotSignedIn();
        }
        return TypedResults.Ok(await response.Content.ReadFromJsonAsync<UserDto>(ContractJson.Options, context.RequestAborted));
    }

    /// <summary>The backend's rate limits are per client: tell it who the client is.</summary>
    private static void ForwardClientAddress(HttpContext context, HttpRequestMessage message)
    {
        if (context.Connection.RemoteIpAddress is { } address)
            message.Headers.TryAddWithoutValidation("X-Forwarded-For", address.ToString());
    }

    private static async Task<HttpResponseMessage?> SendAsync(HttpClient backend, HttpRequestMessage message, CancellationToken cancellationToken)
    {
        try
        {
            return await backend.SendAsync(message, cancellationToken);
        }
        catch (HttpRequestException)
        {
            return null;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null; // timed out
        }
    }

    private static async Task<IResult> RelayAsync(HttpResponseMessage response, HttpContext context)
    {
        if (response.Headers.RetryAfter is { } retryAfter)
            context.Response.Headers.RetryAfter = retryAfter.ToString();
        var body = await response.Content.ReadAsStringAsync(context.RequestAborted);
        return Results.Content(body, response.Content.Headers.ContentType?.ToString() ?? "application/problem+json", statusCode: (int)response.StatusCode);
    }

    private static ProblemHttpResult NotSignedIn() =>
        TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Not signed in", detail: "Sign in to continue.");

    private static ProblemHttpResult BackendUnavailable() =>
        TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Service unavailable",
            detail: ServiceMessages.Unreachable);
}
