using System.Collections.Concurrent;
using System.Net.Http.Json;

namespace TodoChatbot.EndToEnd.Tests;

/// <summary>Clients that list and create tasks back to back (the list stays short: nothing is completed), counting what succeeded and what failed.</summary>
internal sealed class LoadLoop(HttpClient client, string userId)
{
    private readonly CancellationTokenSource _stop = new();
    private int _succeeded;

    public int Succeeded => Volatile.Read(ref _succeeded);
    public ConcurrentQueue<string> Failures { get; } = new();

    public Task RunAsync(int clients) => Task.WhenAll(Enumerable.Range(0, clients).Select(worker => Task.Run(() => WorkAsync(worker))));

    public async Task StopAsync(Task running)
    {
        await _stop.CancelAsync();
        await running;
        _stop.Dispose();
    }

    private async Task WorkAsync(int worker)
    {
        for (var i = 0; !_stop.IsCancellationRequested; i++)
        {
            var create = i % 2 == 1;
            var what = create ? "POST tasks" : "GET tasks";
            try
            {
                using var response = create
                    ? await client.PostAsJsonAsync($"/api/{userId}/tasks", new { title = $"load {worker}-{i}" }, CancellationToken.None)
                    : await client.GetAsync($"/api/{userId}/tasks?status=completed", CancellationToken.None);
                if (response.IsSuccessStatusCode)
                    Interlocked.Increment(ref _succeeded);
                else
                    Failures.Enqueue($"{DateTime.UtcNow:HH:mm:ss.fff} {what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(CancellationToken.None)}");
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                Failures.Enqueue($"{DateTime.UtcNow:HH:mm:ss.fff} {what}: {exception.GetType().Name} {exception.Message} {exception.InnerException?.Message}");
            }
        }
    }
}
