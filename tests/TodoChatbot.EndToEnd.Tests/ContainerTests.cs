using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TodoChatbot.Contracts;


namespace TodoChatbot.EndToEnd.Tests;

[CollectionDefinition(Name)]
public sealed class ComposeCollection : ICollectionFixture<ComposeStackFixture>
{
    public const string Name = "docker compose stack";
}

/// <summary>The images and the compose stack, checked with the real engine.</summary>
[Collection(ComposeCollection.Name)]
public sealed class ContainerTests(ComposeStackFixture stack) : IAsyncLifetime
{
    public ValueTask InitializeAsync()
    {
        TestEnvironment.Require(stack.Unavailable);
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Both_services_are_healthy_and_work_through_the_frontend_port_only()
    {
        foreach (var service in new[] { "backend", "frontend" })
            Assert.Equal("healthy", await stack.InspectAsync(await stack.ContainerAsync(service), "{{.State.Health.Status}}"));
        foreach (var service in new[] { "backend", "postgres" })
            Assert.Equal("", await stack.InspectAsync(await stack.ContainerAsync(service), "{{range $port, $bindings := .NetworkSettings.Ports}}{{if $bindings}}{{$port}}{{end}}{{end}}"));

        using var client = await SignedInClientAsync();
        var chat = await client.PostAsJsonAsync($"/api/{client.DefaultRequestHeaders.GetValues("X-User").Single()}/chat", new { message = "Add a task to buy groceries" }, Cancellation);
        Assert.Equal(HttpStatusCode.OK, chat.StatusCode);
        var tasks = await TasksAsync(client);
        Assert.Equal("Buy groceries", Assert.Single(tasks.EnumerateArray()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Both_images_serve_metrics_and_the_public_port_serves_only_the_frontends()
    {
        // The backend's, inside the stack's network (its port is published nowhere).
        Assert.True(await stack.ProbeAsync("http://backend:8001/metrics"), "the backend image does not serve /metrics");

        using var client = await SignedInClientAsync();
        Assert.Equal(HttpStatusCode.OK, (await TasksResponseAsync(client)).StatusCode);
        var page = await PrometheusText.ScrapeUntilAsync(client, "http_server_request_duration_seconds_count", 1, TimeSpan.FromSeconds(30),
            ("http_route", "/api/{**rest}"), ("http_request_method", "GET"));
        Assert.Equal(1, page.Sum("target_info", ("service_name", "TodoChatbot.Web")));
        Assert.Equal(0, page.Sum("target_info", ("service_name", "TodoChatbot.Api")));
    }

    [Fact]
    public async Task The_containers_run_as_uid_1654_on_a_read_only_root_with_no_shell()
    {
        foreach (var service in new[] { "backend", "frontend" })
        {
            var container = await stack.ContainerAsync(service);
            Assert.Equal("1654", await stack.InspectAsync(container, "{{.Config.User}}"));
            Assert.Equal("true", await stack.InspectAsync(container, "{{.HostConfig.ReadonlyRootfs}}"));
            Assert.Contains("ALL", await stack.InspectAsync(container, "{{.HostConfig.CapDrop}}"), StringComparison.Ordinal);
            var (code, output) = await Docker.DockerAsync("exec", container, "/bin/sh", "-c", "true");
            Assert.True(code != 0, $"{service} has a shell: {output}");
            // The process itself runs as 1654 (read from the host's /proc).
            var pid = await stack.InspectAsync(container, "{{.State.Pid}}");
            var status = await File.ReadAllLinesAsync($"/proc/{pid}/status", Cancellation);
            Assert.Contains(status, line => line.StartsWith("Uid:", StringComparison.Ordinal) && line.Split('\t', StringSplitOptions.RemoveEmptyEntries)[1] == "1654");
        }
    }

    [Fact]
    public async Task A_crashed_backend_is_restarted_and_the_session_conversation_and_tasks_are_intact()
    {
        using var client = await SignedInClientAsync();
        var userId = client.DefaultRequestHeaders.GetValues("X-User").Single();
        var first = await client.PostAsJsonAsync($"/api/{userId}/chat", new { message = "Add a task to water the plants" }, Cancellation);
        var conversation = (await first.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("conversation_id").GetInt32();

        var backend = await stack.ContainerAsync("backend");
        var pid = await stack.InspectAsync(backend, "{{.State.Pid}}");
        var before = int.Parse(await stack.InspectAsync(backend, "{{.RestartCount}}"), System.Globalization.CultureInfo.InvariantCulture);
        System.Diagnostics.Process.GetProcessById(int.Parse(pid, System.Globalization.CultureInfo.InvariantCulture)).Kill(); // SIGKILL, as a crash
        await WaitUntilAsync(async () => int.Parse(await stack.InspectAsync(backend, "{{.RestartCount}}"), System.Globalization.CultureInfo.InvariantCulture) > before
                                         && await stack.InspectAsync(backend, "{{.State.Health.Status}}") == "healthy", TimeSpan.FromSeconds(90));

        // Same cookie (the signing secret lives in the stack's volume), same conversation, same tasks.
        var next = await client.PostAsJsonAsync($"/api/{userId}/chat", new { conversation_id = conversation, message = "What's pending?" }, Cancellation);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.Contains("water the plants", (await next.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("response").GetString(), StringComparison.OrdinalIgnoreCase);
        var messages = await client.GetFromJsonAsync<JsonElement>($"/api/{userId}/conversations/{conversation}/messages", Cancellation);
        Assert.Equal(4, messages.GetArrayLength());
    }

    [Fact]
    public async Task Restarting_postgres_makes_the_backend_unready_then_ready_again_without_a_restart()
    {
        using var client = await SignedInClientAsync();
        var backend = await stack.ContainerAsync("backend");
        var restarts = await stack.InspectAsync(backend, "{{.RestartCount}}");
        var started = await stack.InspectAsync(backend, "{{.State.StartedAt}}");
        Assert.True(await stack.ProbeAsync("http://backend:8001/readyz"));

        var (code, output) = await stack.ComposeAsync(["stop", "postgres"]);
        Assert.True(code == 0, output);
        await WaitUntilAsync(async () => !await stack.ProbeAsync("http://backend:8001/readyz"), TimeSpan.FromSeconds(30));
        // Meanwhile: a clear 503 problem, not a 500.
        var during = await client.GetAsync($"/api/{client.DefaultRequestHeaders.GetValues("X-User").Single()}/tasks", Cancellation);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, during.StatusCode);
        Assert.Contains("Database unavailable", await during.Content.ReadAsStringAsync(Cancellation), StringComparison.Ordinal);

        (code, output) = await stack.ComposeAsync(["start", "postgres"]);
        Assert.True(code == 0, output);
        await WaitUntilAsync(() => stack.ProbeAsync("http://backend:8001/readyz"), TimeSpan.FromSeconds(60));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/{client.DefaultRequestHeaders.GetValues("X-User").Single()}/tasks", Cancellation)).StatusCode);
        Assert.Equal(restarts, await stack.InspectAsync(backend, "{{.RestartCount}}"));
        Assert.Equal(started, await stack.InspectAsync(backend, "{{.State.StartedAt}}"));
    }

    [Fact]
    public async Task No_secret_and_no_env_file_is_in_any_image_layer_or_its_history()
    {
        foreach (var image in new[] { "todo-chatbot-backend", "todo-chatbot-frontend" })
        {
            var tag = $"{image}:{ComposeStackFixture.Version}";
            var (code, history) = await Docker.DockerAsync("history", "--no-trunc", "--format", "{{.CreatedBy}}", tag);
            Assert.True(code == 0, history);
            var archive = Path.Combine(Path.GetTempPath(), $"{image}-{Guid.NewGuid():N}.tar");
            try
            {
                (code, var saved) = await Docker.DockerAsync("save", "-o", archive, tag);
                Assert.True(code == 0, saved);
                var files = ImageArchive.Files(archive);
                Assert.NotEmpty(files);
                Assert.DoesNotContain(files, file => Path.GetFileName(file.Path) == ".env");
                foreach (var secret in new[] { stack.TestJwtSecret, stack.TestGroqKey })
                {
                    Assert.DoesNotContain(secret, history, StringComparison.Ordinal);
                    Assert.DoesNotContain(files, file => file.Contains(secret));
                }
            }
            finally
            {
                File.Delete(archive);
            }
        }
    }

    /// <summary>A client of the frontend's port, signed in as a new user (its id in the X-User header, for building paths).</summary>
    private async Task<HttpClient> SignedInClientAsync()
    {
        var client = new HttpClient(new HttpClientHandler { UseCookies = true }) { BaseAddress = stack.FrontendUrl, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add(BffProtocol.AntiForgeryHeader, BffProtocol.AntiForgeryValue);
        var register = await client.PostAsJsonAsync("/bff/register", new { email = $"c-{Guid.NewGuid():N}@example.com", password = "correct horse" }, Cancellation);
        Assert.Equal(HttpStatusCode.OK, register.StatusCode);
        client.DefaultRequestHeaders.Add("X-User", (await register.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("id").GetString());
        return client;
    }

    private static Task<HttpResponseMessage> TasksResponseAsync(HttpClient client) =>
        client.GetAsync($"/api/{client.DefaultRequestHeaders.GetValues("X-User").Single()}/tasks", Cancellation);

    private static async Task<JsonElement> TasksAsync(HttpClient client) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/{client.DefaultRequestHeaders.GetValues("X-User").Single()}/tasks", Cancellation);

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
                return;
            await Task.Delay(500);
        }
        Assert.Fail($"condition not met within {within}");
    }
}
