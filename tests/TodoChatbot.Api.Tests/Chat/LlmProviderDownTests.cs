namespace TodoChatbot.Api.Tests.Chat;

/// <summary>
/// The provider's address answers nothing at all (connection refused: the provider or the
/// network is down). Each turn is still a clear reply, stored whole, and the conversation goes on.
/// </summary>
public sealed class LlmProviderDownTests(LlmProviderDownTests.DownProviderFactory factory)
    : ApiTestBase(factory), IClassFixture<LlmProviderDownTests.DownProviderFactory>
{
    [Fact]
    public async Task An_unreachable_provider_is_a_clear_reply_each_turn_stored_whole()
    {
        var user = await RegisterAsync();

        var first = await ChatAsync(user, "Add a task to buy groceries");
        var second = await ChatAsync(user, "Show me all my tasks", first.ConversationId);

        Assert.Equal(first.ConversationId, second.ConversationId);
        Assert.All([first, second], turn => Assert.Contains("can't reach my language model", turn.Response, StringComparison.Ordinal));
        var stored = await MessagesAsync(user, first.ConversationId);
        Assert.Equal(["user", "assistant", "user", "assistant"], stored.Select(m => m.Role));
        Assert.Equal(["Add a task to buy groceries", first.Response, "Show me all my tasks", second.Response], stored.Select(m => m.Content));
        Assert.Single((await user.Client.GetFromJsonAsync<ConversationDto[]>($"/api/{user.Id}/conversations", Json, Cancellation))!);
        Assert.Empty(await ListTasksAsync(user));
    }

    /// <summary>The API on SQLite, its provider a loopback port where nothing listens.</summary>
    public sealed class DownProviderFactory : SqliteApiFactory
    {

        protected override IReadOnlyDictionary<string, string> ExtraSettings { get; } =
            FakeOpenAIServer.ProviderSettings(new Uri($"http://127.0.0.1:{ServiceProcess.FreePort()}/v1"), maxRetries: 1);
    }
}
