using System.Net;
using System.Net.Sockets;

namespace TodoChatbot.EndToEnd.Tests;

/// <summary>
/// Test-only stand-in for a Kubernetes Service as kube-proxy (iptables mode) implements it: at the
/// TCP level. Each NEW connection goes to the next ready destination (probed every 250 ms: ready on
/// a 200 from <c>/readyz</c>; not ready at once on any other answer, as a terminating pod leaves the
/// endpoints at once; not ready after three probes in a row got no answer, as a readiness probe's
/// default failureThreshold, so that one slow answer on a loaded machine is not an outage); an
/// established connection is then piped byte for byte until either
/// side closes it, and stays with its destination even after that destination stops being ready,
/// as a conntrack entry does. An L7 proxy would hide exactly what this shows: keep-alive
/// connections that clients hold across a pod's whole drain, and what happens to them when the
/// pod's server finally stops.
/// </summary>
public sealed class TcpReadinessBalancer : IAsyncDisposable
{
    private static readonly TimeSpan ProbeInterval = TimeSpan.FromMilliseconds(250);
    private readonly IReadOnlyList<Uri> _destinations;
    private const int FailureThreshold = 3;
    private readonly bool[] _ready;
    private readonly int[] _unanswered;
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly HttpClient _probe = new() { Timeout = TimeSpan.FromSeconds(1) };
    private Task _accepting = Task.CompletedTask;
    private Task _probing = Task.CompletedTask;
    private int _next;

    private TcpReadinessBalancer(IReadOnlyList<Uri> destinations)
    {
        _destinations = destinations;
        _ready = new bool[destinations.Count];
        _unanswered = new int[destinations.Count];
    }

    public Uri Url => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");

    public static TcpReadinessBalancer Start(IReadOnlyList<Uri> destinations)
    {
        var balancer = new TcpReadinessBalancer(destinations);
        balancer._listener.Start();
        balancer._probing = balancer.ProbeAsync();
        balancer._accepting = balancer.AcceptAsync();
        return balancer;
    }

    /// <summary>Waits until the balancer's own probe found destination <paramref name="index"/> ready.</summary>
    public async Task WaitUntilRoutedAsync(int index, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (!Volatile.Read(ref _ready[index]))
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"the balancer did not route to destination {index} within {within}");
            await Task.Delay(50);
        }
    }

    private async Task ProbeAsync()
    {
        using var timer = new PeriodicTimer(ProbeInterval);
        try
        {
            do
            {
                await Task.WhenAll(_destinations.Select(async (destination, index) =>
                {
                    var answer = await ReadinessAsync(destination);
                    _unanswered[index] = answer is null ? _unanswered[index] + 1 : 0;
                    if (answer is { } ready)
                        Volatile.Write(ref _ready[index], ready);
                    else if (_unanswered[index] >= FailureThreshold)
                        Volatile.Write(ref _ready[index], false);
                }));
            }
            while (await timer.WaitForNextTickAsync(_stop.Token));
        }
        catch (OperationCanceledException)
        {
            // disposed
        }
    }

    /// <summary>Whether <c>/readyz</c> said ready; null when it gave no answer (refused, reset, too slow).</summary>
    private async Task<bool?> ReadinessAsync(Uri destination)
    {
        try
        {
            using var response = await _probe.GetAsync(new Uri(destination, "/readyz"), _stop.Token);
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            _ = PipeAsync(client);
        }
    }

    /// <summary>The destination a new connection gets: round robin over the ready ones, none when no one is ready.</summary>
    private Uri? Choose()
    {
        for (var attempt = 0; attempt < _destinations.Count; attempt++)
        {
            var index = (int)((uint)Interlocked.Increment(ref _next) % _destinations.Count);
            if (Volatile.Read(ref _ready[index]))
                return _destinations[index];
        }
        return null;
    }

    private async Task PipeAsync(Socket client)
    {
        var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        client.NoDelay = true;
        try
        {
            // No ready endpoint: kube-proxy rejects the connection; so does this.
            var destination = Choose() ?? throw new SocketException((int)SocketError.ConnectionRefused);
            await server.ConnectAsync(destination.Host, destination.Port, _stop.Token);
            var upstream = CopyAsync(client, server);
            var downstream = CopyAsync(server, client);
            // A FIN is passed on and the other direction carries on (half close); a reset is
            // passed on at once, as it passes through NAT.
            if ((await Task.WhenAny(upstream, downstream)).IsFaulted)
                Reset(client, server);
            await Task.WhenAll(upstream, downstream);
        }
        catch (Exception exception) when (exception is SocketException or OperationCanceledException or IOException or ObjectDisposedException)
        {
            Reset(client, server);
        }
        finally
        {
            client.Dispose();
            server.Dispose();
        }
    }

    /// <summary>Copies until <paramref name="from"/> sends FIN, then passes the FIN on (a half close).</summary>
    private async Task CopyAsync(Socket from, Socket to)
    {
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await from.ReceiveAsync(buffer, _stop.Token)) > 0)
            await to.SendAsync(buffer.AsMemory(0, read), _stop.Token);
        to.Shutdown(SocketShutdown.Send);
    }

    /// <summary>Closes both sockets with an RST (linger 0), which also ends a copy still waiting on either.</summary>
    private static void Reset(params Socket[] sockets)
    {
        foreach (var socket in sockets)
        {
            try
            {
                socket.LingerState = new LingerOption(true, 0);
            }
            catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
            {
                // already closed
            }
            socket.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await Task.WhenAll(_accepting, _probing);
        _probe.Dispose();
        _stop.Dispose();
    }
}
