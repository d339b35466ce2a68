using System.Text.Json;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using TodoChatbot.Api.Chat;
using TodoChatbot.Contracts;

namespace TodoChatbot.Api.Mcp;

public static class McpExtensions
{
    /// <summary>
    /// The five todo tools over the Model Context Protocol (Streamable HTTP), so external AI tools
    /// can manage a user's list. Stateless: no session lives in a replica's memory, so any replica
    /// answers any request. The tools are the chat agent's own <see cref="TodoTools"/>, bound to the
    /// bearer token's user.
    /// </summary>
    public static WebApplicationBuilder AddMcp(this WebApplicationBuilder builder)
    {
        builder.Services.AddMcpServer(options => options.ServerInfo = new() { Name = "todo-chatbot", Version = "1.0.0" })
            .WithHttpTransport(options => options.Stateless = true)
            .WithTools<TodoTools>()
            .WithRequestFilters(filters => filters.AddCallToolFilter(next => async (request, cancellationToken) =>
            {
                if (request.MatchedPrimitive is McpServerTool tool
                    && ToolArguments.Check(tool.ProtocolTool.InputSchema, request.Params?.Arguments) is { } problem)
                    return Refusal(new ToolError(problem, ToolError.InvalidArgumentCode));
                // The tools answer {error: …} when they cannot act (the chat agent reads that as
                // data); MCP clients also get the protocol's own failure flag, and no structured
                // content, which is declared for results only.
                var result = await next(request, cancellationToken);
                if (result.IsError == true || IsToolError(result))
                {
                    result.IsError = true;
                    result.StructuredContent = null;
                }
                return result;
            }));
        return builder;
    }

    private static CallToolResult Refusal(ToolError error) => new()
    {
        IsError = true,
        Content = [new TextContentBlock { Text = JsonSerializer.Serialize(error, ContractJson.Options) }],
    };

    private static bool IsToolError(CallToolResult result)
    {
        if (result.Content is not [TextContentBlock { Text: var text }])
            return false;
        try
        {
            using var document = JsonDocument.Parse(text);
            return ToolError.TryRead(document.RootElement, out _);
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
