using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace TodoChatbot.Api.Auth;

/// <summary>Settings of <c>RateLimiting:Auth</c>: attempts per client per window on login and register.</summary>
public sealed class AuthRateLimitOptions
{
    public const string Section = "RateLimiting:Auth";

    public int PermitLimit { get; set; } = 10;
    public int WindowSeconds { get; set; } = 60;
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
        var settings = builder.Configuration.GetSection(AuthRateLimitOptions.Section).Get<AuthRateLimitOptions>() ?? new();
        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(Policy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = Math.Max(1, settings.PermitLimit),
                    Window = TimeSpan.FromSeconds(Math.Max(1, settings.WindowSeconds)),
                    QueueLimit = 0,
                }));
            options.OnRejected = async (rejected, cancellationToken) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)
                    ? (int)Math.Ceiling(wait.TotalSeconds)
                    : settings.WindowSeconds;
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
