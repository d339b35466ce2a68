using System.Net.Http.Json;
using System.Text.Json;

namespace TodoChatbot.EndToEnd.Tests;

/// <summary>
/// Both services as processes, configured as a cluster would configure them for telemetry: an
/// OTLP endpoint (a local collector stand-in speaking OTLP/HTTP), PostgreSQL, and a language
/// model provider (a local fake speaking the OpenAI protocol). One chat turn through the
/// frontend is one trace across both services, down to the database and the provider; the log
/// lines of a request carry its trace id; each process serves its own <c>/metrics</c>.
/// </summary>
public sealed class TelemetryProcessTests : IAsyncLifetime
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(30);
    private readonly ProcessGroup _processes = new();
    private OtlpCollector _collector = null!;
    private FakeOpenAIServer _provider = null!;
    private Uri _backendUrl = null!;
    private Uri _frontendUrl = null!;
    private ServiceProcess _backend = null!;
    private ServiceProcess _frontend = null!;

    public async ValueTask InitializeAsync()
    {
        var (server, unavailable) = await PostgresServer.GetSharedAsync();
        TestEnvironment.Require(unavailable);
        _collector = await OtlpCollector.StartAsync();
        _provider = await FakeOpenAIServer.StartAsync();
        var otlp = new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = _collector.Endpoint.ToString(),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            // Export batches every 200 ms instead of 5 s, so the test waits less.
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
        };

        _backendUrl = new Uri($"http://127.0.0.1:{ServiceProcess.FreePort()}");
        var backendEnvironment = BackendEnvironment.Production(await server!.CreateDatabaseAsync("telemetry"), _backendUrl);
        foreach (var (name, value) in otlp)
            backendEnvironment[name] = value;
        backendEnvironment["Llm__Provider"] = "openai-compatible";
        backendEnvironment["Llm__BaseUrl"] = _provider.BaseUrl.ToString();
        backendEnvironment["Llm__Model"] = "fake-model";
        backendEnvironment["Llm__MaxRetries"] = "0";
        await using (var migrate = ServiceProcess.Start(Api, ["migrate"], backendEnvironment))
            Assert.True(await migrate.WaitForExitAsync(TimeSpan.FromSeconds(120)) == 0, migrate.Output);
        _backend = _processes.Track(ServiceProcess.Start(Api, [], backendEnvironment));

        _frontendUrl = new Uri($"http://127.0.0.1:{ServiceProcess.FreePort()}");
        _frontend = _processes.Track(ServiceProcess.Start(RepositoryPaths.ServiceAssembly("frontend", "TodoChatbot.Web"), [], new Dictionary<string, string?>(otlp)
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_URLS"] = _frontendUrl.ToString(),
            ["BACKEND_URL"] = _backendUrl.ToString(),
            ["Shutdown__DrainDelaySeconds"] = "0",
        }));
        await HttpWait.UntilOkAsync(new Uri(_backendUrl, "/readyz"), TimeSpan.FromSeconds(90), _backend);
        await HttpWait.UntilOkAsync(new Uri(_frontendUrl, "/readyz"), TimeSpan.FromSeconds(90), _frontend);
    }

    [Fact]
    public async Task A_chat_turn_is_one_trace_from_the_frontend_through_the_backend_to_the_database_and_the_provider()
    {
        var (client, userId) = await BrowserClient.SignInAsync(_frontendUrl, "traced");
        using var browser = client;
        _provider.RespondWithToolCall("add_task", new { title = "Water the plants" }).RespondWithText("Added “Water the plants”.");

        var chat = await browser.PostAsJsonAsync($"/api/{userId}/chat", new { message = "Add a task to water the plants" }, Cancellation);
        Assert.True(chat.IsSuccessStatusCode, $"chat answered {(int)chat.StatusCode}\n{_processes.Outputs}");

        var entry = await SpanAsync(span => span.Service == "TodoChatbot.Web" && span.Kind == OtlpSpanKind.Server
            && span.Attribute("http.route") == "/api/{**rest}" && span.Attribute("url.path")?.EndsWith("/chat", StringComparison.Ordinal) == true,
            "of the frontend serving the chat request");
        var trace = entry.TraceId;
        var api = await SpanAsync(span => span.TraceId == trace && span.Service == "TodoChatbot.Api" && span.Kind == OtlpSpanKind.Server
            && span.Attribute("http.route") == "/api/{user_id}/chat", "of the backend serving the chat turn in that trace");
        await SpanAsync(span => span.TraceId == trace && span.Service == "TodoChatbot.Api" && span.Kind == OtlpSpanKind.Client
            && span.Attribute("db.system.name") == "postgresql", "of a database command in that trace");
        var model = await SpanAsync(span => span.TraceId == trace && span.Service == "TodoChatbot.Api" && span.Kind == OtlpSpanKind.Client
            && span.Attribute("server.port") == _provider.BaseUrl.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "of the request to the language model provider in that trace");

        // The backend's span is a child of the frontend's outgoing call, which is a child of its request.
        var forward = Assert.Single(_collector.Spans, span => span.SpanId == api.ParentSpanId);
        Assert.Equal(("TodoChatbot.Web", OtlpSpanKind.Client, trace), (forward.Service, forward.Kind, forward.TraceId));
        Assert.True(IsDescendant(model, api), $"the provider call is not under the chat turn's span:\n{model}");
        // Spans name routes and hosts, never the user's words.
        Assert.DoesNotContain(_collector.Spans, span => span.ToString().Contains("water the plants", StringComparison.OrdinalIgnoreCase));

        // The backend's log lines of that request carry its trace id, as every request's lines do.
        var backendLines = JsonLines(_backend);
        Assert.Contains(backendLines, line => TraceIdOf(line) == trace);
        foreach (var (service, lines) in new[] { ("backend", backendLines), ("frontend", JsonLines(_frontend)) })
        {
            var inRequests = lines.Where(line => Scope(line, "RequestId") is not null).ToList();
            Assert.True(inRequests.Count > 0, $"the {service} logged nothing during a request");
            Assert.All(inRequests, line => Assert.Matches("^[0-9a-f]{32}$", TraceIdOf(line) ?? ""));
        }
    }

    [Fact]
    public async Task Each_process_serves_its_own_metrics_with_the_route_of_the_requests_it_served()
    {
        var (client, userId) = await BrowserClient.SignInAsync(_frontendUrl, "measured");
        using var browser = client;
        Assert.True((await browser.GetAsync($"/api/{userId}/tasks", Cancellation)).IsSuccessStatusCode);

        using var frontend = new HttpClient { BaseAddress = _frontendUrl };
        using var backend = new HttpClient { BaseAddress = _backendUrl };
        const string Requests = "http_server_request_duration_seconds_count";
        var web = await PrometheusText.ScrapeUntilAsync(frontend, Requests, 1, Within, ("http_route", "/api/{**rest}"), ("http_request_method", "GET"));
        var api = await PrometheusText.ScrapeUntilAsync(backend, Requests, 1, Within, ("http_route", "/api/{user_id}/tasks/"), ("http_request_method", "GET"));
        Assert.Equal(1, web.Sum("target_info", ("service_name", "TodoChatbot.Web")));
        Assert.Equal(1, api.Sum("target_info", ("service_name", "TodoChatbot.Api")));
        // The frontend's page is its own: the backend's routes are not in it.
        Assert.Equal(0, web.Sum(Requests, ("http_route", "/api/{user_id}/tasks/")));
    }

    private Task<OtlpSpan> SpanAsync(Func<OtlpSpan, bool> match, string what) => _collector.WaitForAsync(match, what, Within);

    private bool IsDescendant(OtlpSpan span, OtlpSpan ancestor)
    {
        var spans = _collector.Spans.ToDictionary(s => s.SpanId);
        for (var current = span; spans.TryGetValue(current.ParentSpanId, out var parent); current = parent)
        {
            if (parent.SpanId == ancestor.SpanId)
                return true;
        }
        return false;
    }

    private static List<JsonElement> JsonLines(ServiceProcess process) =>
        process.Output.Split('\n').Where(line => line.StartsWith('{')).Select(line => JsonDocument.Parse(line).RootElement.Clone()).ToList();

    private static string? TraceIdOf(JsonElement line) => Scope(line, "TraceId");

    /// <summary>A value from the line's logging scopes (the JSON console formatter writes them as "Scopes": [{…}, …]).</summary>
    private static string? Scope(JsonElement line, string name) =>
        line.TryGetProperty("Scopes", out var scopes)
            ? scopes.EnumerateArray().Select(scope => scope.TryGetProperty(name, out var value) ? value.ToString() : null).FirstOrDefault(value => value is not null)
            : null;

    private static string Api => RepositoryPaths.ServiceAssembly("backend", "TodoChatbot.Api");

    public async ValueTask DisposeAsync()
    {
        await _processes.DisposeAsync();
        if (_collector is not null)
            await _collector.DisposeAsync();
        if (_provider is not null)
            await _provider.DisposeAsync();
    }
}
