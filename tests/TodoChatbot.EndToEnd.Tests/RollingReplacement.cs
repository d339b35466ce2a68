namespace TodoChatbot.EndToEnd.Tests;

/// <summary>
/// A rolling update of local replicas behind a <see cref="TcpReadinessBalancer"/>, under a running
/// <see cref="LoadLoop"/>: each replica in turn gets SIGTERM, must exit 0, and is replaced by a new
/// process that the balancer routes to before the next one goes. Requests keep succeeding all the
/// while, and after the last replacement.
/// </summary>
internal static class RollingReplacement
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public static async Task RunAsync(
        LoadLoop load, ServiceProcess[] replicas, IEnumerable<int> order, Func<int, Task<ServiceProcess>> startReplacement, TcpReadinessBalancer balancer)
    {
        // A steady stream first, so that the first replacement happens under load.
        await load.WaitForSucceededAsync(50, Patience);
        foreach (var index in order)
        {
            var before = load.Succeeded;
            replicas[index].Terminate();
            Assert.Equal(0, await replicas[index].WaitForExitAsync(Patience));
            replicas[index] = await startReplacement(index);
            await balancer.WaitUntilRoutedAsync(index, TimeSpan.FromSeconds(10));
            Assert.True(load.Succeeded > before, $"no request succeeded while replica {index} was replaced");
        }
        // The replacements serve: the stream goes on after the last one.
        await load.WaitForSucceededAsync(50, Patience);
    }

    /// <summary>Stops the load and asserts that no request failed and enough ran to prove it.</summary>
    public static async Task AssertNothingLostAsync(LoadLoop load, Task running, string? logs = null)
    {
        await load.StopAsync(running);
        Assert.True(load.Failures.IsEmpty, $"{load.Failures.Count} of {load.Succeeded + load.Failures.Count} requests failed:\n"
            + string.Join('\n', load.Failures.Take(20)) + (logs is null ? "" : "\n" + logs));
        Assert.True(load.Succeeded >= 100, $"only {load.Succeeded} requests ran; the load proved nothing");
    }
}
