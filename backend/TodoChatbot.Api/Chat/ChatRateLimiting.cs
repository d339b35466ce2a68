using Microsoft.AspNetCore.RateLimiting;
using TodoChatbot.Api.Auth;

namespace TodoChatbot.Api.Chat;

public static class ChatRateLimiting
{
    public const string Policy = "chat";

    /// <summary>
    /// A fixed window per signed-in user (<c>RateLimiting:Chat</c>, 30 a minute by default) on the
    /// chat and MCP endpoints: with a paid language model every message costs money, and one
    /// account must not be able to run up the bill (or starve everyone else). Answered like the
    /// sign-in limit: 429, Retry-After, problem details.
    /// </summary>
    public static void AddChatRateLimiting(this WebApplicationBuilder builder)
    {
        var limit = FixedWindowLimit.Read(builder.Configuration, "RateLimiting:Chat", defaultPermits: 30);
        builder.Services.Configure<RateLimiterOptions>(options => options.AddPolicy(Policy, context => limit.Partition(
            context.User.FindUserId() ?? context.Connection.RemoteIpAddress?.ToString() ?? "unknown")));
    }
}
