using System.Net.Http.Headers;
using System.Text.Json;

namespace TodoChatbot.Api.Tests.Security;

/// <summary>
/// Text that looks like an attack but is valid input (SQL, script, template syntax, Unicode edge
/// cases) is data: stored verbatim through every way in (task title and description, an update, a
/// chat message, an account name, the MCP add_task tool), returned exactly, written in responses as
/// escaped JSON (no raw &lt; or &gt; a browser could parse as markup), and never executed: no SQL
/// runs (every table and the bystander's task are still there) and no template is evaluated.
/// </summary>
public abstract class DangerousValidInputTests(ApiFactory factory) : ApiTestBase(factory)
{
    public static TheoryData<string> Values => new()
    {
        "'; DROP TABLE tasks; --",
        "Robert'); DROP TABLE \"AspNetUsers\";--",
        "1' OR '1'='1",
        "\" OR \"\"=\"",
        "x' UNION SELECT email, password_hash FROM \"AspNetUsers\" --",
        "$$; DELETE FROM tasks; $$",
        "%_\\ LIKE wildcards %",
        "<script>alert(document.cookie)</script>",
        "<img src=x onerror=alert(1)>",
        "\"><svg onload=alert(1)>",
        "javascript:alert(1)",
        "</textarea><script>fetch('/bff/user')</script>",
        "{{7*7}} ${7*7} @(7*7) #{7*7}",
        "../../../etc/passwd",
        "%00 %0d%0a \\u0000 literal escapes",
        "👩‍👩‍👧‍👦 family emoji (one grapheme, seven code points)",
        "\u202Eevil right-to-left override",
        "zero\u200Bwidth\u200Djoiner",
        "e\u0301\u0301\u0301 stacked accents",
        "\uFEFFbyte order mark first",
        "𝕳𝖊𝖑𝖑𝖔 mathematical letters, \U0010FFFD last plane",
        "مرحبا עברית 中文 日本語 한국어",
        "null",
        "Ŝ̸̨͚̙̜̪̳̘̣̥̰̜̫̠̼̣̹̥̘̤̰̭̣͂̈́̈́̏͌̓͒̒̑͒̽̎̈́̏̎̀ͅ zalgo",
    };

    [Theory]
    [MemberData(nameof(Values))]
    public async Task Is_stored_verbatim_returned_as_escaped_json_and_never_executed(string value)
    {
        var bystander = await RegisterAsync(UniqueEmail("bystander"));
        var bystanderTask = await CreateTaskAsync(bystander, "Bystander's task");
        var user = await RegisterAsync(UniqueEmail("author"));

        // A task: created, read back, listed, updated.
        var created = await user.Client.PostAsJsonAsync(user.Tasks, new CreateTaskRequest(value, $"{value}\n{value}"), Json, Cancellation);
        var createdBody = await AssertEscapedJsonAsync(created, HttpStatusCode.Created);
        var task = JsonSerializer.Deserialize<TaskDto>(createdBody, Json)!;
        Assert.Equal(value, task.Title);
        Assert.Equal($"{value}\n{value}", task.Description);
        var read = JsonSerializer.Deserialize<TaskDto>(await AssertEscapedJsonAsync(await user.Client.GetAsync($"{user.Tasks}/{task.Id}", Cancellation), HttpStatusCode.OK), Json)!;
        Assert.Equal(task, read);
        Assert.Equal(value, Assert.Single(JsonSerializer.Deserialize<TaskDto[]>(await AssertEscapedJsonAsync(await user.Client.GetAsync(user.Tasks, Cancellation), HttpStatusCode.OK), Json)!).Title);
        var updated = await user.Client.PutAsJsonAsync($"{user.Tasks}/{task.Id}", new UpdateTaskRequest($"{value} (2)", value), Json, Cancellation);
        Assert.Equal($"{value} (2)", JsonSerializer.Deserialize<TaskDto>(await AssertEscapedJsonAsync(updated, HttpStatusCode.OK), Json)!.Title);

        // A chat message: stored as sent, listed as sent.
        var chat = await user.Client.PostAsJsonAsync($"/api/{user.Id}/chat", new ChatRequest(null, value), Json, Cancellation);
        var turn = JsonSerializer.Deserialize<ChatTurnResponse>(await AssertEscapedJsonAsync(chat, HttpStatusCode.OK), Json)!;
        var messages = JsonSerializer.Deserialize<MessageDto[]>(
            await AssertEscapedJsonAsync(await user.Client.GetAsync($"/api/{user.Id}/conversations/{turn.ConversationId}/messages", Cancellation), HttpStatusCode.OK), Json)!;
        Assert.Equal(value, messages[0].Content);

        // An account name.
        using var anonymous = AnonymousClient();
        var registered = await anonymous.PostAsJsonAsync("/api/auth/register", new RegisterRequest(UniqueEmail("named"), "long enough password", value), Json, Cancellation);
        Assert.Equal(value, JsonSerializer.Deserialize<AuthResponse>(await AssertEscapedJsonAsync(registered, HttpStatusCode.Created), Json)!.User.Name);

        // The MCP tool.
        var mcp = await McpAddTaskAsync(user, value);
        Assert.Contains(await ListTasksAsync(user), t => t.Title == value && t.Id != task.Id);
        Assert.DoesNotContain("\"isError\":true", mcp, StringComparison.Ordinal);

        // Nothing ran: the bystander's task and every table are intact.
        Assert.Equal(bystanderTask, Assert.Single(await ListTasksAsync(bystander)));
        var rows = await RowCountsAsync();
        Assert.True(rows.Users >= 3 && rows.Tasks >= 3 && rows.Conversations >= 1 && rows.Messages >= 2, rows.ToString());
    }

    /// <summary>
    /// Asserts the status, a JSON content type, and that the raw text holds no markup characters
    /// (the value's &lt; and &gt; are written \u003C and \u003E); returns the body. That the value
    /// comes back equal (templates unevaluated) is asserted by the caller on the parsed body.
    /// </summary>
    private static async Task<string> AssertEscapedJsonAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync(Cancellation);
        Assert.True(status == response.StatusCode, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain('<', body);
        Assert.DoesNotContain('>', body);
        return body;
    }

    private async Task<string> McpAddTaskAsync(TestUser user, string title)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/mcp")
        {
            Content = JsonContent.Create(new
            {
                jsonrpc = "2.0",
                id = 1,
                method = "tools/call",
                @params = new { name = "add_task", arguments = new { title } },
            }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", user.Token);
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Accept.ParseAdd("text/event-stream");
        using var client = AnonymousClient();
        var response = await client.SendAsync(request, Cancellation);
        var body = await response.Content.ReadAsStringAsync(Cancellation);
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return body;
    }
}

[Collection(SqliteCollection.Name)]
public sealed class DangerousValidInputTestsOnSqlite(SqliteApiFactory factory) : DangerousValidInputTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class DangerousValidInputTestsOnPostgres(PostgresApiFactory factory) : DangerousValidInputTests(factory);
