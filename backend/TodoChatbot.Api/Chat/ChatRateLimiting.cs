using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.IdentityModel.JsonWebTokens;

namespace TodoChatbot.Api.Chat;

/// <summary>Settings of <c>RateLimiting:Chat</c>: chat messages and MCP calls per user per window.</summary>
public sealed class ChatRateLimitOptions
{
    public const string Section = "RateLimiting:Chat";

    public int PermitLimit { get; set; } = 30;
    public int WindowSeconds { get; set; } = 60;
}

public static class ChatRateLimiting
{
    public const string Policy = "chat";

    /// <summary>
    /// A fixed window per signed-in user on the chat and MCP endpoints: with a paid language model
    /// every message costs money, and one account must not be able to run up the bill (or starve
    /// everyone else). Answered like the sign-in limit: 429, Retry-After, problem details.
    /// </summary>
    public static void AddChatRateLimiting(this WebApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection(ChatRateLimitOptions.Section).Get<ChatRateLimitOptions>() ?? new();
        builder.Services.Configure<RateLimiterOptions>(options =>
            options.AddPolicy(Policy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.User.FindFirst(JwtRegisteredClaimNames.Sub)?.Value ?? context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = Math.Max(1, settings.PermitLimit),
                    Window = TimeSpan.FromSeconds(Math.Max(1, settings.WindowSeconds)),
                    QueueLimit = 0,
                })));
    }
}
