namespace TodoChatbot.Api.Tests.Tasks;

/// <summary>User B can neither read, list, change, complete nor delete user A's task, by path or by id.</summary>
public abstract class IsolationTests(ApiFactory factory) : ApiTestBase(factory)
{
    [Fact]
    public async Task Another_users_path_is_forbidden_on_every_task_endpoint()
    {
        var (alice, bob, task) = await AliceWithATaskAndBobAsync();

        var attempts = new (HttpMethod Method, string Url, object? Body)[]
        {
            (HttpMethod.Get, alice.Tasks, null),
            (HttpMethod.Post, alice.Tasks, new CreateTaskRequest("Planted by Bob")),
            (HttpMethod.Get, $"{alice.Tasks}/{task.Id}", null),
            (HttpMethod.Put, $"{alice.Tasks}/{task.Id}", new UpdateTaskRequest("Changed by Bob", null, true)),
            (HttpMethod.Delete, $"{alice.Tasks}/{task.Id}", null),
            (HttpMethod.Patch, $"{alice.Tasks}/{task.Id}/complete", null),
        };
        foreach (var (method, url, body) in attempts)
        {
            var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body, body.GetType(), options: Json) };
            await AssertProblemAsync(await bob.Client.SendAsync(request, Cancellation), HttpStatusCode.Forbidden);
        }

        await AssertUntouchedAsync(alice, task);
    }

    [Fact]
    public async Task Another_users_task_id_is_not_found_through_ones_own_path()
    {
        var (alice, bob, task) = await AliceWithATaskAndBobAsync();

        await AssertProblemAsync(await bob.Client.GetAsync($"{bob.Tasks}/{task.Id}", Cancellation), HttpStatusCode.NotFound);
        await AssertProblemAsync(await bob.Client.PutAsJsonAsync($"{bob.Tasks}/{task.Id}", new UpdateTaskRequest("Changed by Bob", null, true), Json, Cancellation), HttpStatusCode.NotFound);
        await AssertProblemAsync(await bob.Client.PatchAsync($"{bob.Tasks}/{task.Id}/complete", null, Cancellation), HttpStatusCode.NotFound);
        await AssertProblemAsync(await bob.Client.DeleteAsync($"{bob.Tasks}/{task.Id}", Cancellation), HttpStatusCode.NotFound);
        foreach (var status in TaskStatusFilter.Values)
            Assert.DoesNotContain(await ListTasksAsync(bob, status), t => t.Id == task.Id);

        await AssertUntouchedAsync(alice, task);
    }

    [Fact]
    public async Task A_missing_task_and_another_users_task_look_the_same()
    {
        var (alice, bob, task) = await AliceWithATaskAndBobAsync();

        var theirs = await AssertProblemAsync(await bob.Client.GetAsync($"{bob.Tasks}/{task.Id}", Cancellation), HttpStatusCode.NotFound);
        var missing = await AssertProblemAsync(await bob.Client.GetAsync($"{bob.Tasks}/{int.MaxValue}", Cancellation), HttpStatusCode.NotFound);

        Assert.Equal(theirs.GetProperty("title").GetString(), missing.GetProperty("title").GetString());
    }

    /// <summary>Alice, with one task ("Alice's secret"), and Bob, the signed-in user who tries to reach it.</summary>
    private async Task<(TestUser Alice, TestUser Bob, TaskDto Task)> AliceWithATaskAndBobAsync()
    {
        var alice = await RegisterAsync(UniqueEmail("alice"));
        var bob = await RegisterAsync(UniqueEmail("bob"));
        return (alice, bob, await CreateTaskAsync(alice, "Alice's secret"));
    }

    private static async Task AssertUntouchedAsync(TestUser owner, TaskDto original)
    {
        var tasks = await ListTasksAsync(owner);
        Assert.Equal(original, Assert.Single(tasks));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class IsolationTestsOnSqlite(SqliteApiFactory factory) : IsolationTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class IsolationTestsOnPostgres(PostgresApiFactory factory) : IsolationTests(factory);
