using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace TodoChatbot.EndToEnd.Tests;

/// <summary>
/// Clients that list and create tasks back to back (the list stays short: nothing is completed),
/// counting what succeeded and what failed. With <paramref name="streamedBodies"/> a POST's body is
/// sent as a stream that cannot be rewound, as a proxy in front of the service (an ingress
/// controller, the frontend's own YARP) forwards it: such a client cannot resend a POST whose
/// connection was closed under it, where HttpClient would silently resend a buffered body.
/// </summary>
internal sealed class LoadLoop(HttpClient client, string userId, bool streamedBodies = false)
{
    private readonly CancellationTokenSource _stop = new();
    private int _succeeded;
    private int _target = int.MaxValue;
    private TaskCompletionSource _targetReached = new();

    public int Succeeded => Volatile.Read(ref _succeeded);
    public ConcurrentQueue<string> Failures { get; } = new();

    public Task RunAsync(int clients) => Task.WhenAll(Enumerable.Range(0, clients).Select(worker => Task.Run(() => WorkAsync(worker))));

    /// <summary>Waits until <paramref name="more"/> further requests have succeeded (one waiter at a time).</summary>
    public async Task WaitForSucceededAsync(int more, TimeSpan timeout)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _targetReached, reached);
        var target = Succeeded + more;
        Volatile.Write(ref _target, target);
        if (Succeeded >= target)
            return;
        try
        {
            await reached.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"only {Succeeded} of {target} requests succeeded within {timeout}; failures:\n"
                + string.Join('\n', Failures.Take(20)));
        }
    }

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
                    ? await client.PostAsync($"/api/{userId}/tasks", Body(new { title = $"load {worker}-{i}" }), CancellationToken.None)
                    : await client.GetAsync($"/api/{userId}/tasks?status=completed", CancellationToken.None);
                if (response.IsSuccessStatusCode)
                    Succeed();
                else
                    Failures.Enqueue($"{DateTime.UtcNow:HH:mm:ss.fff} {what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(CancellationToken.None)}");
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or InvalidOperationException)
            {
                Failures.Enqueue($"{DateTime.UtcNow:HH:mm:ss.fff} {what}: {exception.GetType().Name} {exception.Message} {exception.InnerException?.Message}");
            }
        }
    }

    private void Succeed()
    {
        if (Interlocked.Increment(ref _succeeded) >= Volatile.Read(ref _target))
            Volatile.Read(ref _targetReached).TrySetResult();
    }

    private HttpContent Body(object value)
    {
        if (!streamedBodies)
            return JsonContent.Create(value);
        var content = new StreamContent(new ForwardOnlyStream(JsonSerializer.SerializeToUtf8Bytes(value)));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    private sealed class ForwardOnlyStream(byte[] bytes) : MemoryStream(bytes, writable: false)
    {
        public override bool CanSeek => false;
    }
}
