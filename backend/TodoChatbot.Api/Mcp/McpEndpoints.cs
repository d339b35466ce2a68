using TodoChatbot.Api.Chat;

namespace TodoChatbot.Api.Mcp;

public static class McpEndpoints
{
    public const string Path = "/mcp";

    /// <summary>The MCP server's single Streamable HTTP endpoint, for signed-in users, under the chat's rate limit.</summary>
    public static IEndpointRouteBuilder MapMcpApi(this IEndpointRouteBuilder app)
    {
        app.MapMcp(Path).RequireAuthorization().RequireRateLimiting(ChatRateLimiting.Policy).WithTags("MCP");
        return app;
    }
}
