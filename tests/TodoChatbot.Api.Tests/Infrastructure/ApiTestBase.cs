using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Client;
using TodoChatbot.Api.Data;

namespace TodoChatbot.Api.Tests.Infrastructure;

/// <summary>A registered user and a client that carries their token.</summary>
public sealed record TestUser(string Id, string Email, string Password, string Token, HttpClient Client)
{
    public string Tasks => $"/api/{Id}/tasks";
}

/// <summary>
/// Base of the tests that run once per database provider: each concrete class names its
/// provider's collection and factory; the test bodies are written once.
/// </summary>
public abstract class ApiTestBase(ApiFactory factory) : IAsyncLifetime
{
    protected ApiFactory Factory { get; } = factory;
    protected static JsonSerializerOptions Json => ContractJson.Options;

    public virtual ValueTask InitializeAsync()
    {
        TestEnvironment.Require(Factory.Unavailable);
        return ValueTask.CompletedTask;
    }

    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    protected HttpClient AnonymousClient() => Factory.CreateClient();

    protected static string UniqueEmail(string who = "user") => $"{who}-{Guid.NewGuid():N}@example.com";

    protected async Task<TestUser> RegisterAsync(string? email = null, string password = "correct horse battery")
    {
        email ??= UniqueEmail();
        using var anonymous = AnonymousClient();
        var response = await anonymous.PostAsJsonAsync("/api/auth/register", new RegisterRequest(email, password, "Test User"), Json, Cancellation);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var auth = await response.Content.ReadFromJsonAsync<AuthResponse>(Json, Cancellation);
        Assert.NotNull(auth);
        return new TestUser(auth.User.Id, email, password, auth.Token, ClientWithToken(auth.Token));
    }

    /// <summary>The MCP SDK's own client on the API's /mcp endpoint (Streamable HTTP), with a bearer token or none.</summary>
    protected async Task<McpClient> ConnectMcpAsync(string? token)
    {
        var http = token is null ? AnonymousClient() : ClientWithToken(token);
        var transport = new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = new Uri(http.BaseAddress!, "/mcp"),
            TransportMode = HttpTransportMode.StreamableHttp,
        }, http, ownsHttpClient: true);
        return await McpClient.CreateAsync(transport, cancellationToken: Cancellation);
    }

    /// <summary>Deletes the account as the service would (its rows go with it); its token stays signed and unexpired.</summary>
    protected async Task DeleteAccountAsync(TestUser user)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<TodoUser>>();
        Assert.True((await users.DeleteAsync((await users.FindByIdAsync(user.Id))!)).Succeeded);
    }

    /// <summary>Asserts the answer to a token whose account is gone: a 401 problem naming the token invalid.</summary>
    protected static async Task AssertAccountGoneAsync(HttpResponseMessage response)
    {
        await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        var challenge = Assert.Single(response.Headers.WwwAuthenticate);
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.Contains("error=\"invalid_token\"", challenge.Parameter, StringComparison.Ordinal);
    }

    protected HttpClient ClientWithToken(string token)
    {
        var client = AnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    protected static async Task<TaskDto> CreateTaskAsync(TestUser user, string title, string? description = null)
    {
        var response = await user.Client.PostAsJsonAsync(user.Tasks, new CreateTaskRequest(title, description), Json, Cancellation);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<TaskDto>(Json, Cancellation))!;
    }

    /// <summary>Registers a user who already has tasks with these titles, created in this order (so numbered 1, 2, …).</summary>
    protected async Task<TestUser> RegisterWithTasksAsync(params string[] titles)
    {
        var user = await RegisterAsync();
        foreach (var title in titles)
            await CreateTaskAsync(user, title);
        return user;
    }

    protected static async Task<TaskDto[]> ListTasksAsync(TestUser user, string? status = null)
    {
        var url = status is null ? user.Tasks : $"{user.Tasks}?status={status}";
        var response = await user.Client.GetAsync(url, Cancellation);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<TaskDto[]>(Json, Cancellation))!;
    }

    /// <summary>Sends a chat message and returns the turn (asserting 200).</summary>
    protected static async Task<ChatTurnResponse> ChatAsync(TestUser user, string message, int? conversationId = null)
    {
        var response = await user.Client.PostAsJsonAsync($"/api/{user.Id}/chat", new ChatRequest(conversationId, message), Json, Cancellation);
        var body = await response.Content.ReadAsStringAsync(Cancellation);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"chat answered {(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<ChatTurnResponse>(body, Json)!;
    }

    protected static async Task<MessageDto[]> MessagesAsync(TestUser user, int conversationId) =>
        (await user.Client.GetFromJsonAsync<MessageDto[]>($"/api/{user.Id}/conversations/{conversationId}/messages", Json, Cancellation))!;

    /// <summary>Everything <paramref name="user"/> can see (tasks, conversations, every conversation's messages), as the raw JSON the API returns.</summary>
    protected static async Task<string> EverythingSeenByAsync(TestUser user) => string.Join('\n',
        await user.Client.GetStringAsync(user.Tasks, Cancellation),
        await user.Client.GetStringAsync($"/api/{user.Id}/conversations", Cancellation),
        string.Join('\n', await Task.WhenAll(
            (await user.Client.GetFromJsonAsync<ConversationDto[]>($"/api/{user.Id}/conversations", Json, Cancellation))!
            .Select(c => user.Client.GetStringAsync($"/api/{user.Id}/conversations/{c.Id}/messages", Cancellation)))));

    /// <summary>The rows of every table, read from the service's database.</summary>
    protected Task<RowCounts> RowCountsAsync() => RowCounts.ReadAsync(Factory.Services, Cancellation);

    /// <summary>Asserts an RFC 7807 body with the given status, and returns it.</summary>
    protected static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync(Cancellation);
        Assert.True(status == response.StatusCode, $"expected {(int)status} {status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal); // never a stack trace
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        return problem;
    }

    /// <summary>The messages a validation problem lists for <paramref name="field"/>.</summary>
    protected static async Task<string[]> AssertValidationErrorAsync(HttpResponseMessage response, string field)
    {
        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.TryGetProperty("errors", out var errors), $"no 'errors' in {problem}");
        Assert.True(errors.TryGetProperty(field, out var messages), $"no error for '{field}' in {errors}");
        return messages.EnumerateArray().Select(message => message.GetString()!).ToArray();
    }
}
