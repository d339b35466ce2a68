using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.Model;

namespace TodoChatbot.EndToEnd.Tests;

/// <summary>
/// Test-only stand-in for a Kubernetes Service in front of several backend replicas: round-robin
/// over the destinations whose <c>/readyz</c> last answered 200, probed every 250 ms (the
/// endpoints controller does the same with readiness probes, more slowly). The product's own
/// frontend proxies to this one address, exactly as it proxies to a Service's address in a cluster.
/// </summary>
public sealed class ReadinessBalancer : IAsyncDisposable
{
    private const string ClusterId = "backends";
    private readonly WebApplication _app;

    private ReadinessBalancer(WebApplication app) => _app = app;

    public Uri Url => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    public static async Task<ReadinessBalancer> StartAsync(IReadOnlyList<Uri> destinations)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddReverseProxy().LoadFromMemory(
            [new RouteConfig { RouteId = "all", ClusterId = ClusterId, Match = new RouteMatch { Path = "/{**rest}" } }],
            [new ClusterConfig
            {
                ClusterId = ClusterId,
                LoadBalancingPolicy = "RoundRobin",
                Destinations = destinations.Select((url, index) => (url, index))
                    .ToDictionary(d => Name(d.index), d => new DestinationConfig { Address = d.url.ToString() }),
                HealthCheck = new HealthCheckConfig
                {
                    Active = new ActiveHealthCheckConfig
                    {
                        Enabled = true,
                        Interval = TimeSpan.FromMilliseconds(250),
                        Timeout = TimeSpan.FromSeconds(1),
                        Policy = "ConsecutiveFailures",
                        Path = "/readyz",
                    },
                },
                // One failed probe takes a destination out, as a readiness probe with failureThreshold 1.
                Metadata = new Dictionary<string, string> { ["ConsecutiveFailuresHealthPolicy.Threshold"] = "1" },
            }]);
        var app = builder.Build();
        app.MapReverseProxy();
        await app.StartAsync();
        return new ReadinessBalancer(app);
    }

    /// <summary>Waits until the balancer's own probe found destination <paramref name="index"/> ready.</summary>
    public async Task WaitUntilRoutedAsync(int index, TimeSpan within)
    {
        var lookup = _app.Services.GetRequiredService<IProxyStateLookup>();
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline)
        {
            if (lookup.TryGetCluster(ClusterId, out var cluster)
                && cluster.Destinations.TryGetValue(Name(index), out var destination)
                && destination.Health.Active == DestinationHealth.Healthy)
                return;
            await Task.Delay(50);
        }
        throw new TimeoutException($"the balancer did not route to destination {index} within {within}");
    }

    private static string Name(int index) => $"backend-{index}";

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
