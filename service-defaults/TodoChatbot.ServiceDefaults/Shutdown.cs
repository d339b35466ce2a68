using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TodoChatbot.ServiceDefaults;

/// <summary>Settings of the <c>Shutdown</c> configuration section.</summary>
public sealed class ShutdownOptions
{
    public const string Section = "Shutdown";

    /// <summary>
    /// Seconds between SIGTERM and the server refusing new connections. Readiness fails during
    /// this time, so Kubernetes removes the pod from its Service before connections are refused.
    /// </summary>
    public int DrainDelaySeconds { get; set; } = 5;
}

/// <summary>Whether shutdown has begun; read by the readiness check.</summary>
public sealed class ShutdownState
{
    private volatile bool _shuttingDown;

    public bool IsShuttingDown => _shuttingDown;

    public void MarkShuttingDown() => _shuttingDown = true;
}

/// <summary>Readiness fails from the moment shutdown begins.</summary>
internal sealed class ShutdownReadinessCheck(ShutdownState state) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(state.IsShuttingDown
            ? HealthCheckResult.Unhealthy("shutting down")
            : HealthCheckResult.Healthy());
}

/// <summary>
/// On SIGTERM, before any hosted service (the web server included) stops: mark the service not
/// ready, then keep serving for <see cref="ShutdownOptions.DrainDelaySeconds"/> while load
/// balancers notice. After that the server stops accepting and finishes requests in flight
/// within the host's shutdown timeout.
/// </summary>
internal sealed partial class ShutdownDrain(ShutdownState state, IOptions<ShutdownOptions> options, ILogger<ShutdownDrain> logger)
    : IHostedLifecycleService
{
    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        state.MarkShuttingDown();
        var delay = TimeSpan.FromSeconds(Math.Max(0, options.Value.DrainDelaySeconds));
        LogDraining(logger, delay.TotalSeconds);
        try
        {
            await Task.Delay(delay, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The host's shutdown timeout ran out first; stop now.
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Shutdown started: readiness now fails; serving {DrainSeconds}s more before the server stops accepting requests")]
    private static partial void LogDraining(ILogger logger, double drainSeconds);
}
