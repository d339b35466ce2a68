using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace TodoChatbot.Api.Tests.Security;

/// <summary>
/// The bad-input sweep: every request <see cref="MalformedRequests"/> generates is sent by a
/// signed-in user who owns a task and a conversation. Each must be refused with a 4xx problem
/// (never a 5xx, never a stack trace) and must leave every table as it was. The MCP endpoint may
/// answer in its own protocol instead (a JSON-RPC error, or a tool result flagged isError).
/// </summary>
public abstract class BadInputSweepTests(ApiFactory factory) : ApiTestBase(factory)
{
    private sealed record Target(TestUser User, int TaskId, int ConversationId);

    private static readonly ConcurrentDictionary<ApiFactory, Lazy<Task<Target>>> Targets = new();

    public static TheoryData<string> Cases => new(MalformedRequests.All.Keys);

    [Fact]
    public void The_sweep_holds_at_least_200_requests() =>
        Assert.True(MalformedRequests.All.Count >= 200, $"only {MalformedRequests.All.Count} requests");

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Is_refused_with_problem_details_and_stores_nothing(string name)
    {
        var target = await Targets.GetOrAdd(Factory, _ => new Lazy<Task<Target>>(CreateTargetAsync)).Value;
        var malformed = MalformedRequests.All[name];
        var rowsBefore = await RowCountsAsync();
        var tasksBefore = await target.User.Client.GetStringAsync(target.User.Tasks, Cancellation);

        using var request = Build(malformed, target);
        var response = await target.User.Client.SendAsync(request, Cancellation);
        var body = await response.Content.ReadAsStringAsync(Cancellation);

        var status = (int)response.StatusCode;
        Assert.True(status < 500, $"{name}: {status} {body}");
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        if (malformed.RefusedByServer)
        {
            // Kestrel's own refusal, before routing: a bare status, nothing for a handler to shape.
            Assert.True(status is 400 or 414, $"{name}: {status} {body}");
            Assert.Equal("", body);
        }
        else if (malformed.Mcp && IsProtocolAnswer(response, body))
        {
            // The MCP transport's own error shapes: fine, as long as nothing was done.
        }
        else
        {
            Assert.True(status >= 400, $"{name} was accepted: {status} {body}");
            Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json",
                $"{name}: {status} with {response.Content.Headers.ContentType} {body}");
            var problem = JsonDocument.Parse(body).RootElement;
            Assert.Equal(status, problem.GetProperty("status").GetInt32());
            Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        }

        Assert.Equal(rowsBefore, await RowCountsAsync());
        Assert.Equal(tasksBefore, await target.User.Client.GetStringAsync(target.User.Tasks, Cancellation));
    }

    private async Task<Target> CreateTargetAsync()
    {
        var user = await RegisterAsync(UniqueEmail("sweep"));
        var task = await CreateTaskAsync(user, "Kept as it is");
        var turn = await ChatAsync(user, "what's pending?");
        return new Target(user, task.Id, turn.ConversationId);
    }

    private static HttpRequestMessage Build(MalformedRequest malformed, Target target)
    {
        var path = MalformedRequests.Fill(malformed.Path, target.User.Id, target.TaskId, target.ConversationId);
        var request = new HttpRequestMessage(new HttpMethod(malformed.Method), new Uri(path, UriKind.Relative));
        if (malformed.Body is not null)
        {
            // Latin-1 maps bytes one to one, so placeholders are filled without touching invalid UTF-8.
            var filled = MalformedRequests.Fill(Encoding.Latin1.GetString(malformed.Body), target.User.Id, target.TaskId, target.ConversationId);
            request.Content = new ByteArrayContent(Encoding.Latin1.GetBytes(filled));
            if (malformed.ContentType is not null)
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(malformed.ContentType);
            // Over the limit, Kestrel answers 413 at once and closes; a client still writing a
            // megabyte would see a broken pipe instead of the answer. Waiting for 100-continue
            // (as curl does for large bodies) lets the client read the refusal.
            request.Headers.ExpectContinue = malformed.Body.Length > 64 * 1024;
        }
        if (malformed.Mcp)
        {
            request.Headers.Accept.ParseAdd("application/json");
            request.Headers.Accept.ParseAdd("text/event-stream");
        }
        return request;
    }

    /// <summary>A JSON-RPC error, or a tool result flagged as an error, as the MCP transport writes them (JSON or one SSE event).</summary>
    private static bool IsProtocolAnswer(HttpResponseMessage response, string body)
    {
        var json = body.StartsWith("event:", StringComparison.Ordinal)
            ? string.Concat(body.Split('\n').Where(line => line.StartsWith("data:", StringComparison.Ordinal)).Select(line => line[5..]))
            : body;
        try
        {
            var root = JsonDocument.Parse(json).RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return false;
            if (root.TryGetProperty("error", out _))
                return true;
            return response.IsSuccessStatusCode && root.TryGetProperty("result", out var result)
                   && result.TryGetProperty("isError", out var isError) && isError.ValueKind == JsonValueKind.True;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class BadInputSweepTestsOnSqlite(SqliteApiFactory factory) : BadInputSweepTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class BadInputSweepTestsOnPostgres(PostgresApiFactory factory) : BadInputSweepTests(factory);
