using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol.Client;

namespace TodoChatbot.Api.Tests;

/// <summary>
/// The published contracts in specs/contracts equal what the running service serves: its OpenAPI
/// document and its MCP tools (names, descriptions, input schemas). A change to either shows up as
/// a diff to review; `TODO_UPDATE_CONTRACTS=1` rewrites the files from the service
/// (scripts/export-contracts.sh).
/// </summary>
[Collection(SqliteCollection.Name)]
public sealed class ContractTests(SqliteApiFactory factory) : ApiTestBase(factory)
{
    // Readable files: apostrophes and non-ASCII as themselves, not \u escapes.
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public async Task The_openapi_contract_is_what_the_service_serves()
    {
        using var client = AnonymousClient();
        var document = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json", Cancellation))!.AsObject();
        // Where the document was fetched from is not part of the contract.
        document.Remove("servers");

        await AssertContractAsync("openapi.json", document);
    }

    [Fact]
    public async Task The_mcp_tool_contract_is_what_the_service_serves()
    {
        var user = await RegisterAsync();
        await using var mcp = await ConnectMcpAsync(user.Token);

        var tools = await mcp.ListToolsAsync(cancellationToken: Cancellation);
        var contract = new JsonArray(tools.OrderBy(tool => tool.Name, StringComparer.Ordinal).Select(tool => (JsonNode)new JsonObject
        {
            ["name"] = tool.Name,
            ["description"] = tool.Description,
            ["inputSchema"] = JsonNode.Parse(tool.JsonSchema.GetRawText()),
            ["outputSchema"] = tool.ProtocolTool.OutputSchema is { } output ? JsonNode.Parse(output.GetRawText()) : null,
        }).ToArray());

        await AssertContractAsync("mcp-tools.json", contract);
    }

    private static async Task AssertContractAsync(string file, JsonNode served)
    {
        var path = RepositoryPaths.Combine("specs", "contracts", file);
        var text = served.ToJsonString(Indented) + "\n";
        if (Environment.GetEnvironmentVariable("TODO_UPDATE_CONTRACTS") == "1")
        {
            await File.WriteAllTextAsync(path, text, Cancellation);
            Assert.Skip($"rewrote specs/contracts/{file} from the service (TODO_UPDATE_CONTRACTS=1): nothing compared");
        }
        Assert.True(File.Exists(path), $"{path} is missing: run scripts/export-contracts.sh");
        var published = await File.ReadAllTextAsync(path, Cancellation);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(published), served),
            $"specs/contracts/{file} differs from what the service serves: review the change, then run scripts/export-contracts.sh");
    }
}
