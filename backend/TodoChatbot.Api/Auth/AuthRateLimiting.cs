using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace TodoChatbot.Api.Auth;

/// <summary>A fixed-window limit: <see cref="PermitLimit"/> requests per <see cref="WindowSeconds"/>.</summary>
public sealed class FixedWindowLimit
{
    public int PermitLimit { get; set; } = 10;
    public int WindowSeconds { get; set; } = 60;

    public static FixedWindowLimit Read(IConfiguration configuration, string section, int defaultPermits) =>
        configuration.GetSection(section).Get<FixedWindowLimit>() ?? new FixedWindowLimit { PermitLimit = defaultPermits };

    /// <summary>One window per <paramref name="key"/> (a client address, a user); no queueing: over the limit is 429 at once.</summary>
    public RateLimitPartition<string> Partition(string key) => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
    {
        PermitLimit = Math.Max(1, PermitLimit),
        Window = TimeSpan.FromSeconds(Math.Max(1, WindowSeconds)),
        QueueLimit = 0,
    });
}

public static class AuthRateLimiting
{
    public const string Policy = "auth";

    /// <summary>
    /// A fixed window per client address on login and register, answered with 429, Retry-After and
    /// problem details. Behind the frontend's proxy, set ASPNETCORE_FORWARDEDHEADERS_ENABLED=true so
    /// the address is the browser's, not the proxy's. Identity's lockout protects each account besides.
    /// </summary>
    public static void AddAuthRateLimiting(this WebApplicationBuilder builder)
    {
        var limit = FixedWindowLimit.Read(builder.Configuration, "RateLimiting:Auth", defaultPermits: 10);
        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(Policy, context => limit.Partition(context.Connection.RemoteIpAddress?.ToString() ?? "unknown"));
            options.OnRejected = async (rejected, cancellationToken) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)
                    ? (int)Math.Ceiling(wait.TotalSeconds)
                    : limit.WindowSeconds;
                rejected.HttpContext.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
                await TypedResults.Problem(
                        statusCode: StatusCodes.Status429TooManyRequests,
                        title: "Too many requests",
                        detail: $"Too many requests. Try again in {retryAfter} seconds.")
                    .ExecuteAsync(rejected.HttpContext);
            };
        });
    }
}
