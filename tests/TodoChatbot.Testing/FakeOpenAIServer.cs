using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace TodoChatbot.Testing;

/// <summary>
/// A local stand-in for an OpenAI-compatible provider: a real HTTP server on a loopback port that
/// answers <c>POST /v1/chat/completions</c> from a script, one scripted answer per request, and
/// records every request body. The API under test reaches it through the real OpenAI SDK and
/// Microsoft.Extensions.AI pipeline, exactly as it would reach Groq or OpenAI.
/// </summary>
public sealed class FakeOpenAIServer : IAsyncDisposable
{
    private LoopbackServer _http = null!;
    private readonly ConcurrentQueue<Func<HttpContext, Task>> _script = new();
    private readonly ConcurrentQueue<JsonElement> _requests = new();
    private readonly ConcurrentQueue<string> _authorizations = new();

    private FakeOpenAIServer()
    {
    }

    public Uri BaseUrl => new($"{_http.BaseUrl.ToString().TrimEnd('/')}/v1");

    /// <summary>The chat-completions requests received, oldest first.</summary>
    public IReadOnlyList<JsonElement> Requests => _requests.ToArray();

    /// <summary>The Authorization header of each request.</summary>
    public IReadOnlyList<string> Authorizations => _authorizations.ToArray();

    public static async Task<FakeOpenAIServer> StartAsync()
    {
        var server = new FakeOpenAIServer();
        server._http = await LoopbackServer.StartAsync(app =>
            app.MapPost("/v1/chat/completions", async context =>
            {
                using var body = await JsonDocument.ParseAsync(context.Request.Body);
                server._requests.Enqueue(body.RootElement.Clone());
                server._authorizations.Enqueue(context.Request.Headers.Authorization.ToString());
                if (!server._script.TryDequeue(out var answer))
                {
                    context.Response.StatusCode = 500;
                    await context.Response.WriteAsync("{\"error\":{\"message\":\"the fake server's script ran out\"}}");
                    return;
                }
                await answer(context);
            }));
        return server;
    }

    /// <summary>
    /// The configuration that points the API's OpenAI-compatible provider at <paramref name="baseUrl"/>
    /// (this server's, or a port where nothing listens); as environment variables with
    /// <see cref="AsEnvironment"/>.
    /// </summary>
    public static Dictionary<string, string> ProviderSettings(Uri baseUrl, int timeoutSeconds = 2, int maxRetries = 0) => new()
    {
        ["Llm:Provider"] = "openai-compatible",
        ["Llm:BaseUrl"] = baseUrl.ToString(),
        ["Llm:ApiKey"] = "test-key",
        ["Llm:Model"] = "fake-model",
        ["Llm:TimeoutSeconds"] = timeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Llm:MaxRetries"] = maxRetries.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>Configuration keys as a process's environment spells them (<c>Llm__Model</c>).</summary>
    public static Dictionary<string, string?> AsEnvironment(IReadOnlyDictionary<string, string> settings) =>
        settings.ToDictionary(setting => setting.Key.Replace(":", "__", StringComparison.Ordinal), setting => (string?)setting.Value);

    /// <summary>Forgets the script and the recorded requests (tests share one server).</summary>
    public void Reset()
    {
        _script.Clear();
        _requests.Clear();
        _authorizations.Clear();
    }

    public FakeOpenAIServer RespondWithToolCall(string name, object arguments, string callId = "call_1") =>
        RespondWithToolCallRaw(name, JsonSerializer.Serialize(arguments), callId);

    /// <summary>A tool call whose arguments are given as the raw string the model produced (possibly not JSON).</summary>
    public FakeOpenAIServer RespondWithToolCallRaw(string name, string rawArguments, string callId = "call_1") => Enqueue(context =>
        Completion(context, new JsonObject
        {
            ["role"] = "assistant",
            ["content"] = null,
            ["tool_calls"] = new JsonArray(new JsonObject
            {
                ["id"] = callId,
                ["type"] = "function",
                ["function"] = new JsonObject { ["name"] = name, ["arguments"] = rawArguments },
            }),
        }, "tool_calls"));

    public FakeOpenAIServer RespondWithText(string text) => Enqueue(context =>
        Completion(context, new JsonObject { ["role"] = "assistant", ["content"] = text }, "stop"));

    public FakeOpenAIServer RespondWithStatus(int status, string? retryAfterSeconds = null) => Enqueue(async context =>
    {
        context.Response.StatusCode = status;
        if (retryAfterSeconds is not null)
            context.Response.Headers.RetryAfter = retryAfterSeconds;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(new JsonObject { ["error"] = new JsonObject { ["message"] = $"fake error {status}", ["type"] = "fake" } }.ToJsonString());
    });

    public FakeOpenAIServer RespondWithGarbage() => Enqueue(async context =>
    {
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync("this is not JSON {{{");
    });

    public FakeOpenAIServer RespondSlowly(TimeSpan delay) => RespondWithTextAfter(delay, "too late");

    /// <summary>A normal answer that takes <paramref name="delay"/> (a slow model, not a broken one).</summary>
    public FakeOpenAIServer RespondWithTextAfter(TimeSpan delay, string text) => Enqueue(async context =>
    {
        await Task.Delay(delay, context.RequestAborted);
        await Completion(context, new JsonObject { ["role"] = "assistant", ["content"] = text }, "stop");
    });

    /// <summary>A normal answer given once <paramref name="meanwhile"/> has run: something that happens while the model thinks.</summary>
    public FakeOpenAIServer RespondWithTextAfter(Func<Task> meanwhile, string text) => Enqueue(async context =>
    {
        await meanwhile();
        await Completion(context, new JsonObject { ["role"] = "assistant", ["content"] = text }, "stop");
    });

    /// <summary>Valid JSON of the wrong shape: a completion with no choices at all.</summary>
    public FakeOpenAIServer RespondWithNoChoices() => Enqueue(async context =>
    {
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync("{\"id\":\"chatcmpl-fake\",\"object\":\"chat.completion\",\"choices\":[]}");
    });

    /// <summary>Starts a proper answer, then drops the connection halfway (a proxy or the provider crashing).</summary>
    public FakeOpenAIServer RespondThenDropConnection() => Enqueue(async context =>
    {
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = 4096;
        await context.Response.WriteAsync("{\"id\":\"chatcmpl-fake\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"Half");
        await context.Response.Body.FlushAsync();
        context.Abort();
    });

    private FakeOpenAIServer Enqueue(Func<HttpContext, Task> answer)
    {
        _script.Enqueue(answer);
        return this;
    }

    private static Task Completion(HttpContext context, JsonObject message, string finishReason)
    {
        var response = new JsonObject
        {
            ["id"] = "chatcmpl-fake",
            ["object"] = "chat.completion",
            ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["model"] = "fake-model",
            ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["message"] = message, ["finish_reason"] = finishReason }),
            ["usage"] = new JsonObject { ["prompt_tokens"] = 10, ["completion_tokens"] = 5, ["total_tokens"] = 15 },
        };
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(response.ToJsonString());
    }

    public ValueTask DisposeAsync() => _http.DisposeAsync();
}
