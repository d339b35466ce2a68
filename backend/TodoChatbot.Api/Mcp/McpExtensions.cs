using TodoChatbot.Api.Chat;

namespace TodoChatbot.Api.Mcp;

public static class McpExtensions
{
    public const string Path = "/mcp";

    /// <summary>
    /// The five todo tools over the Model Context Protocol (Streamable HTTP), so external AI tools
    /// can manage a user's list. Stateless: no session lives in a replica's memory, so any replica
    /// answers any request. The tools are the chat agent's own <see cref="TodoTools"/>, bound to the
    /// bearer token's user.
    /// </summary>
    public static WebApplicationBuilder AddTodoMcp(this WebApplicationBuilder builder)
    {
        builder.Services.AddMcpServer(options => options.ServerInfo = new() { Name = "todo-chatbot", Version = "1.0.0" })
            .WithHttpTransport(options => options.Stateless = true)
            .WithTools<TodoTools>();
        return builder;
    }

    public static IEndpointRouteBuilder MapTodoMcp(this IEndpointRouteBuilder app)
    {
        app.MapMcp(Path).RequireAuthorization().WithTags("MCP");
        return app;
    }
}
