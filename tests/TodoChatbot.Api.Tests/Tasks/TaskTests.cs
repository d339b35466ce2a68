namespace TodoChatbot.Api.Tests.Tasks;

public abstract class TaskTests(ApiFactory factory) : ApiTestBase(factory)
{
    [Fact]
    public async Task Create_trims_the_title_and_answers_201_with_the_task_and_its_location()
    {
        var user = await RegisterAsync();

        var response = await user.Client.PostAsJsonAsync(user.Tasks, new CreateTaskRequest("  Buy groceries  ", "  milk, eggs "), Json, Cancellation);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var task = (await response.Content.ReadFromJsonAsync<TaskDto>(Json, Cancellation))!;
        Assert.Equal("Buy groceries", task.Title);
        Assert.Equal("milk, eggs", task.Description);
        Assert.False(task.Completed);
        Assert.Equal(DateTimeKind.Utc, task.CreatedAt.Kind);
        Assert.Equal($"{user.Tasks}/{task.Id}", response.Headers.Location?.OriginalString);
        var fetched = await user.Client.GetFromJsonAsync<TaskDto>($"{user.Tasks}/{task.Id}", Json, Cancellation);
        Assert.Equal(task, fetched);
    }

    [Fact]
    public async Task The_wire_format_uses_the_contract_names()
    {
        var user = await RegisterAsync();
        var task = await CreateTaskAsync(user, "Names");

        var json = await user.Client.GetStringAsync($"{user.Tasks}/{task.Id}", Cancellation);

        foreach (var name in new[] { "\"id\"", "\"title\"", "\"description\"", "\"completed\"", "\"created_at\"", "\"updated_at\"" })
            Assert.Contains(name, json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_filters_by_status_and_orders_by_id()
    {
        var user = await RegisterAsync();
        var first = await CreateTaskAsync(user, "First");
        var second = await CreateTaskAsync(user, "Second");
        var third = await CreateTaskAsync(user, "Third");
        Assert.Equal(HttpStatusCode.OK, (await user.Client.PatchAsync($"{user.Tasks}/{second.Id}/complete", null, Cancellation)).StatusCode);

        Assert.Equal([first.Id, second.Id, third.Id], (await ListTasksAsync(user)).Select(t => t.Id));
        Assert.Equal([first.Id, second.Id, third.Id], (await ListTasksAsync(user, "all")).Select(t => t.Id));
        Assert.Equal([first.Id, third.Id], (await ListTasksAsync(user, "pending")).Select(t => t.Id));
        Assert.Equal([second.Id], (await ListTasksAsync(user, "COMPLETED")).Select(t => t.Id));
    }

    [Fact]
    public async Task An_unknown_status_filter_is_a_validation_problem()
    {
        var user = await RegisterAsync();
        var response = await user.Client.GetAsync($"{user.Tasks}?status=done", Cancellation);
        var messages = await AssertValidationErrorAsync(response, "status");
        Assert.Contains("all, pending, completed", messages[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Put_replaces_title_and_description_and_keeps_completion_unless_given()
    {
        var user = await RegisterAsync();
        var task = await CreateTaskAsync(user, "Call mom", "tonight");

        var renamed = await user.Client.PutAsJsonAsync($"{user.Tasks}/{task.Id}", new UpdateTaskRequest("Call mom tonight"), Json, Cancellation);
        var updated = (await renamed.Content.ReadFromJsonAsync<TaskDto>(Json, Cancellation))!;
        Assert.Equal("Call mom tonight", updated.Title);
        Assert.Null(updated.Description);
        Assert.False(updated.Completed);
        Assert.True(updated.UpdatedAt >= task.UpdatedAt);

        var completed = await user.Client.PutAsJsonAsync($"{user.Tasks}/{task.Id}", new UpdateTaskRequest("Call mom tonight", "at 8", true), Json, Cancellation);
        var done = (await completed.Content.ReadFromJsonAsync<TaskDto>(Json, Cancellation))!;
        Assert.True(done.Completed);
        Assert.Equal("at 8", done.Description);
    }

    [Fact]
    public async Task Patch_complete_toggles_and_returns_the_new_state()
    {
        var user = await RegisterAsync();
        var task = await CreateTaskAsync(user, "Toggle me");

        var once = await (await user.Client.PatchAsync($"{user.Tasks}/{task.Id}/complete", null, Cancellation)).Content.ReadFromJsonAsync<TaskDto>(Json, Cancellation);
        var twice = await (await user.Client.PatchAsync($"{user.Tasks}/{task.Id}/complete", null, Cancellation)).Content.ReadFromJsonAsync<TaskDto>(Json, Cancellation);

        Assert.True(once!.Completed);
        Assert.False(twice!.Completed);
    }

    [Fact]
    public async Task Delete_answers_204_then_the_task_is_gone()
    {
        var user = await RegisterAsync();
        var task = await CreateTaskAsync(user, "Delete me");

        Assert.Equal(HttpStatusCode.NoContent, (await user.Client.DeleteAsync($"{user.Tasks}/{task.Id}", Cancellation)).StatusCode);

        await AssertProblemAsync(await user.Client.GetAsync($"{user.Tasks}/{task.Id}", Cancellation), HttpStatusCode.NotFound);
        await AssertProblemAsync(await user.Client.DeleteAsync($"{user.Tasks}/{task.Id}", Cancellation), HttpStatusCode.NotFound);
        Assert.Empty(await ListTasksAsync(user));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(200, true)]
    [InlineData(201, false)]
    public async Task Title_length_boundaries_on_create_and_update(int length, bool accepted)
    {
        var user = await RegisterAsync();
        var existing = await CreateTaskAsync(user, "Existing");
        var title = new string('t', length);

        var created = await user.Client.PostAsJsonAsync(user.Tasks, new CreateTaskRequest(title), Json, Cancellation);
        var updated = await user.Client.PutAsJsonAsync($"{user.Tasks}/{existing.Id}", new UpdateTaskRequest(title), Json, Cancellation);

        if (accepted)
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
            Assert.Equal(title, (await ListTasksAsync(user)).Last().Title);
        }
        else
        {
            await AssertValidationErrorAsync(created, "title");
            await AssertValidationErrorAsync(updated, "title");
            Assert.Equal(["Existing"], (await ListTasksAsync(user)).Select(t => t.Title)); // nothing stored, nothing changed
        }
    }

    [Theory]
    [InlineData(1000, true)]
    [InlineData(1001, false)]
    public async Task Description_length_boundary(int length, bool accepted)
    {
        var user = await RegisterAsync();
        var response = await user.Client.PostAsJsonAsync(user.Tasks, new CreateTaskRequest("Title", new string('d', length)), Json, Cancellation);
        if (accepted)
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        else
            await AssertValidationErrorAsync(response, "description");
        Assert.Equal(accepted ? 1 : 0, (await ListTasksAsync(user)).Length);
    }

    [Fact]
    public async Task Lengths_count_characters_not_utf16_units()
    {
        var user = await RegisterAsync();
        var emoji = string.Concat(Enumerable.Repeat("🛒", 200)); // 200 characters, 400 UTF-16 units

        var task = await CreateTaskAsync(user, emoji);

        Assert.Equal(emoji, task.Title);
        var tooLong = await user.Client.PostAsJsonAsync(user.Tasks, new CreateTaskRequest(emoji + "🛒"), Json, Cancellation);
        await AssertValidationErrorAsync(tooLong, "title");
    }

    [Theory]
    [InlineData("   ")]
    [InlineData("nul\u0000inside")]
    [InlineData("bell\u0007")]
    public async Task Blank_or_unstorable_titles_are_rejected(string title)
    {
        var user = await RegisterAsync();
        var response = await user.Client.PostAsJsonAsync(user.Tasks, new CreateTaskRequest(title), Json, Cancellation);
        await AssertValidationErrorAsync(response, "title");
        Assert.Empty(await ListTasksAsync(user));
    }

    [Fact]
    public async Task An_escaped_lone_surrogate_is_rejected_not_stored()
    {
        // A .NET client cannot even send this (its serializer replaces the surrogate), so send raw JSON.
        var user = await RegisterAsync();
        var body = new StringContent("""{"title": "lone \ud800 surrogate"}""", System.Text.Encoding.UTF8, "application/json");
        var response = await user.Client.PostAsync(user.Tasks, body, Cancellation);
        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Empty(await ListTasksAsync(user));
    }

    [Fact]
    public async Task Unicode_and_markup_are_stored_verbatim()
    {
        var user = await RegisterAsync();
        const string title = "Ünïcödé 日本語 <script>alert(1)</script> '; DROP TABLE tasks; --";
        var task = await CreateTaskAsync(user, title, "line one\nline two");
        var fetched = await user.Client.GetFromJsonAsync<TaskDto>($"{user.Tasks}/{task.Id}", Json, Cancellation);
        Assert.Equal(title, fetched!.Title);
        Assert.Equal("line one\nline two", fetched.Description);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class TaskTestsOnSqlite(SqliteApiFactory factory) : TaskTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class TaskTestsOnPostgres(PostgresApiFactory factory) : TaskTests(factory);
