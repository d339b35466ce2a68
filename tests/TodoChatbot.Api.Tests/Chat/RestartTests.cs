using System.Net.Http.Headers;

namespace TodoChatbot.Api.Tests.Chat;

/// <summary>
/// Nothing lives in process memory: a conversation started on one host continues on a brand-new
/// host (a restarted pod, or another replica) over the same PostgreSQL database, with the same token.
/// </summary>
public sealed class RestartTests
{
    [Fact]
    public async Task A_conversation_continues_on_a_new_host_over_the_same_database()
    {
        var database = await PostgresServer.RequireDatabaseAsync("restart");

        string token, userId;
        int conversation;
        await using (var first = new SharedDatabaseFactory(database))
        {
            await first.InitializeAsync();
            using var client = first.CreateClient();
            var register = await client.PostAsJsonAsync("/api/auth/register", new RegisterRequest($"restart-{Guid.NewGuid():N}@example.com", "long enough"), ContractJson.Options, Cancellation);
            var auth = (await register.Content.ReadFromJsonAsync<AuthResponse>(ContractJson.Options, Cancellation))!;
            (token, userId) = (auth.Token, auth.User.Id);
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var turn = await Chat(client, userId, new ChatRequest(null, "Add a task to buy groceries"));
            conversation = turn.ConversationId;
        }

        await using var second = new SharedDatabaseFactory(database);
        await second.InitializeAsync();
        using var restarted = second.CreateClient();
        restarted.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var next = await Chat(restarted, userId, new ChatRequest(conversation, "What's pending?"));

        Assert.Equal(conversation, next.ConversationId);
        Assert.Contains("Buy groceries", next.Response, StringComparison.Ordinal);
        var messages = (await restarted.GetFromJsonAsync<MessageDto[]>($"/api/{userId}/conversations/{conversation}/messages", ContractJson.Options, Cancellation))!;
        Assert.Equal(["Add a task to buy groceries", messages[1].Content, "What's pending?", next.Response], messages.Select(m => m.Content));
    }

    private static async Task<ChatTurnResponse> Chat(HttpClient client, string userId, ChatRequest request)
    {
        var response = await client.PostAsJsonAsync($"/api/{userId}/chat", request, ContractJson.Options, Cancellation);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<ChatTurnResponse>(ContractJson.Options, Cancellation))!;
    }

    private sealed class SharedDatabaseFactory(string connectionString) : ApiFactory
    {
        protected override Task<(string? Setting, string? Unavailable)> PrepareDatabaseAsync() =>
            Task.FromResult<(string?, string?)>((connectionString, null));
    }
}
