using System.Net.Http.Headers;

namespace TodoChatbot.Api.Tests.Tasks;

/// <summary>
/// Two backend processes on one PostgreSQL database, as two replicas behind a Service: creates for
/// one user sent to both at once still get the numbers 1 … N, each exactly once.
/// </summary>
public sealed class TaskNumberReplicaTests
{
    [Fact]
    public async Task Concurrent_creates_across_two_replicas_get_different_numbers()
    {
        var environment = BackendEnvironment.Production(await PostgresServer.RequireDatabaseAsync("replicas"));
        var api = RepositoryPaths.ServiceAssembly("backend", "TodoChatbot.Api");
        await using (var migrate = ServiceProcess.Start(api, ["migrate"], environment))
            Assert.True(await migrate.WaitForExitAsync(TimeSpan.FromSeconds(120)) == 0, migrate.Output);
        Uri[] urls = [new($"http://127.0.0.1:{ServiceProcess.FreePort()}"), new($"http://127.0.0.1:{ServiceProcess.FreePort()}")];
        await using var first = ServiceProcess.Start(api, [], new Dictionary<string, string?>(environment) { ["ASPNETCORE_URLS"] = urls[0].ToString() });
        await using var second = ServiceProcess.Start(api, [], new Dictionary<string, string?>(environment) { ["ASPNETCORE_URLS"] = urls[1].ToString() });
        await HttpWait.UntilOkAsync(new Uri(urls[0], "/readyz"), TimeSpan.FromSeconds(90), first);
        await HttpWait.UntilOkAsync(new Uri(urls[1], "/readyz"), TimeSpan.FromSeconds(90), second);

        using var replicaA = new HttpClient { BaseAddress = urls[0] };
        using var replicaB = new HttpClient { BaseAddress = urls[1] };
        var register = await replicaA.PostAsJsonAsync("/api/auth/register", new { email = $"replicas-{Guid.NewGuid():N}@example.com", password = "correct horse battery" }, ContractJson.Options, Cancellation);
        var auth = (await register.Content.ReadFromJsonAsync<AuthResponse>(ContractJson.Options, Cancellation))!;
        foreach (var client in new[] { replicaA, replicaB })
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", auth.Token);

        const int creates = 40;
        var numbers = await Task.WhenAll(Enumerable.Range(0, creates).Select(i => Task.Run(async () =>
        {
            var response = await (i % 2 == 0 ? replicaA : replicaB).PostAsJsonAsync($"/api/{auth.User.Id}/tasks", new CreateTaskRequest($"Task {i}"), ContractJson.Options, Cancellation);
            Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Cancellation)}\n{first.Output}\n{second.Output}");
            return (await response.Content.ReadFromJsonAsync<TaskDto>(ContractJson.Options, Cancellation))!.Id;
        })));

        Assert.Equal(Enumerable.Range(1, creates), numbers.Order());
    }
}
