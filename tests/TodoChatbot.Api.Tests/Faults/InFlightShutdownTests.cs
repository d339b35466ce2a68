using Microsoft.Data.Sqlite;

namespace TodoChatbot.Api.Tests.Faults;

/// <summary>
/// SIGTERM while a request is still being worked on, past the drain delay (a chat turn waiting
/// for a slow language model): readiness fails at once, the server stops taking new work, and the
/// accepted turn still completes, answers 200 and is stored whole before the process exits 0.
/// ProcessLifecycleTests shows the drain itself (new requests still served while not ready).
/// </summary>
public sealed class InFlightShutdownTests : IAsyncLifetime
{
    private static readonly TimeSpan ModelDelay = TimeSpan.FromSeconds(6);
    private readonly string _databaseFile = Path.Combine(Path.GetTempPath(), $"todo-inflight-{Guid.NewGuid():N}.db");
    private FakeOpenAIServer _provider = null!;

    public async ValueTask InitializeAsync() => _provider = await FakeOpenAIServer.StartAsync();

    [Fact]
    public async Task A_turn_in_flight_at_sigterm_completes_and_is_stored_before_exit()
    {
        var environment = FakeOpenAIServer.AsEnvironment(FakeOpenAIServer.ProviderSettings(_provider.BaseUrl, timeoutSeconds: 20));
        // Shorter than the model's answer: the turn is still running when the server stops accepting.
        environment["Shutdown__DrainDelaySeconds"] = "3";
        await using var backend = await BackendProcess.StartAsync($"Data Source={_databaseFile}", environment);
        await backend.SignInAsync(Cancellation);
        _provider.RespondWithTextAfter(ModelDelay, "Here are your tasks.");

        var turn = backend.Client.PostAsJsonAsync($"/api/{backend.UserId}/chat", new ChatRequest(null, "Show me all my tasks"), ContractJson.Options, Cancellation);
        while (_provider.Requests.Count == 0)
            await Task.Delay(20, Cancellation);
        backend.Process.Terminate();

        using var probe = new HttpClient { BaseAddress = backend.Client.BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        Assert.True(await NotReadyWithinAsync(probe, TimeSpan.FromSeconds(2.5)), "readiness still passed after SIGTERM");
        var response = await turn;
        var body = await response.Content.ReadAsStringAsync(Cancellation);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"the turn in flight answered {(int)response.StatusCode}: {body}\n{backend.Process.Output}");
        var reply = System.Text.Json.JsonSerializer.Deserialize<ChatTurnResponse>(body, ContractJson.Options)!;
        Assert.Equal("Here are your tasks.", reply.Response);
        Assert.Equal(0, await backend.Process.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(["user:Show me all my tasks", "assistant:Here are your tasks."], await StoredMessagesAsync(reply.ConversationId));
    }

    private static async Task<bool> NotReadyWithinAsync(HttpClient probe, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline)
        {
            if ((await probe.GetAsync("/readyz", Cancellation)).StatusCode == HttpStatusCode.ServiceUnavailable)
                return true;
            await Task.Delay(50, Cancellation);
        }
        return false;
    }

    private async Task<string[]> StoredMessagesAsync(int conversationId)
    {
        await using var connection = new SqliteConnection($"Data Source={_databaseFile}");
        await connection.OpenAsync(Cancellation);
        await using var query = connection.CreateCommand();
        query.CommandText = "SELECT role, content FROM messages WHERE conversation_id = $id ORDER BY id";
        query.Parameters.AddWithValue("$id", conversationId);
        var messages = new List<string>();
        await using var reader = await query.ExecuteReaderAsync(Cancellation);
        while (await reader.ReadAsync(Cancellation))
            messages.Add($"{reader.GetString(0)}:{reader.GetString(1)}");
        return [.. messages];
    }

    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync();
        SqliteConnection.ClearAllPools();
        File.Delete(_databaseFile);
    }
}
