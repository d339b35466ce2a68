using System.Collections.Concurrent;
using Npgsql;

namespace TodoChatbot.Api.Tests.Faults;

/// <summary>
/// kill -9 of the API in the middle of a burst of task creations (a crash, or the OOM killer): a
/// 2xx answer must mean the task is stored, and nothing may be stored twice.
/// </summary>
public sealed class CrashDuringCreatesTests
{
    private const int Clients = 8;
    [Fact]
    public async Task Every_acknowledged_create_survives_a_kill_9_exactly_once()
    {
        var database = await PostgresServer.RequireDatabaseAsync("crash");
        await using var backend = await BackendProcess.StartAsync(database);
        await backend.SignInAsync(Cancellation);

        // Each title is sent once; its outcome is the id the API acknowledged, or null (no 2xx).
        var outcomes = new ConcurrentDictionary<string, int?>();
        var acknowledged = 0;
        using var stop = new CancellationTokenSource();
        var workers = Enumerable.Range(0, Clients).Select(worker => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var title = $"burst {worker}-{i}";
                outcomes[title] = null;
                try
                {
                    using var response = await backend.Client.PostAsJsonAsync(backend.Tasks, new CreateTaskRequest(title, null), ContractJson.Options, CancellationToken.None);
                    if (!response.IsSuccessStatusCode)
                        continue;
                    outcomes[title] = (await response.Content.ReadFromJsonAsync<TaskDto>(ContractJson.Options, CancellationToken.None))!.Id;
                    Interlocked.Increment(ref acknowledged);
                }
                catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or IOException)
                {
                    await Task.Delay(20, CancellationToken.None); // the process is gone; stop hammering
                }
            }
        }, CancellationToken.None)).ToArray();

        // Kill while creates are in flight: after a steady stream has been acknowledged.
        while (Volatile.Read(ref acknowledged) < 150)
        {
            Assert.False(workers.Any(w => w.IsFaulted), "a load worker failed");
            await Task.Delay(10, Cancellation);
        }
        // Every request in flight at the kill fails with it; each worker finishes the one it has
        // before it sees the stop.
        await backend.Process.KillAsync();
        await stop.CancelAsync();
        await Task.WhenAll(workers);

        var stored = await StoredTitlesAsync(database, backend.UserId);
        var acked = outcomes.Where(o => o.Value is not null).ToDictionary(o => o.Key, o => o.Value!.Value);
        Assert.True(acked.Count >= 150, $"only {acked.Count} creates were acknowledged");
        Assert.True(outcomes.Count > acked.Count, "no create was cut off by the kill; the test proved nothing");
        var missing = acked.Where(a => !stored.TryGetValue(a.Key, out var ids) || !ids.Contains(a.Value)).Select(a => a.Key).ToArray();
        Assert.True(missing.Length == 0, $"acknowledged but not stored: {string.Join(", ", missing)}");
        var duplicated = stored.Where(s => s.Value.Count > 1).Select(s => s.Key).ToArray();
        Assert.True(duplicated.Length == 0, $"stored more than once: {string.Join(", ", duplicated)}");
        Assert.All(stored.Keys, title => Assert.True(outcomes.ContainsKey(title), $"stored but never sent: {title}"));
    }

    /// <summary>The user's task ids by title, read straight from PostgreSQL (the API is dead).</summary>
    private static async Task<Dictionary<string, List<int>>> StoredTitlesAsync(string database, string userId)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync(Cancellation);
        await using var query = new NpgsqlCommand("SELECT title, id FROM tasks WHERE user_id = @user", connection);
        query.Parameters.AddWithValue("user", userId);
        var titles = new Dictionary<string, List<int>>();
        await using var reader = await query.ExecuteReaderAsync(Cancellation);
        while (await reader.ReadAsync(Cancellation))
        {
            var title = reader.GetString(0);
            if (!titles.TryGetValue(title, out var ids))
                titles[title] = ids = [];
            ids.Add(reader.GetInt32(1));
        }
        return titles;
    }
}
