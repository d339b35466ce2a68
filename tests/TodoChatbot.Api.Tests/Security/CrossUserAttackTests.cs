using System.Text;

namespace TodoChatbot.Api.Tests.Security;

/// <summary>
/// Every per-user endpoint attacked by a signed-in attacker: the victim's id in the path (as given
/// and in spellings that decode or compare to it), and the victim's task and conversation ids
/// through the attacker's own path. IsolationTests and ChatTests prove the plain cases for tasks and
/// conversations; this sweeps every endpoint with every form and checks, besides the status, that
/// no byte of the victim's data comes back and that no row is written anywhere.
/// </summary>
public abstract class CrossUserAttackTests(ApiFactory factory) : ApiTestBase(factory)
{
    /// <summary>One endpoint: method, path after <c>/api/{user}</c>, and a body (or null). {task} and {conversation} are filled in.</summary>
    private sealed record Endpoint(HttpMethod Method, string Path, string? Body, bool TakesAnId);

    private static readonly Dictionary<string, Endpoint> Endpoints = new()
    {
        ["list tasks"] = new(HttpMethod.Get, "/tasks", null, false),
        ["list pending tasks"] = new(HttpMethod.Get, "/tasks?status=pending", null, false),
        ["create task"] = new(HttpMethod.Post, "/tasks", """{"title":"Planted by the attacker"}""", false),
        ["get task"] = new(HttpMethod.Get, "/tasks/{task}", null, true),
        ["update task"] = new(HttpMethod.Put, "/tasks/{task}", """{"title":"Changed by the attacker","completed":true}""", true),
        ["delete task"] = new(HttpMethod.Delete, "/tasks/{task}", null, true),
        ["complete task"] = new(HttpMethod.Patch, "/tasks/{task}/complete", null, true),
        ["chat, new conversation"] = new(HttpMethod.Post, "/chat", """{"message":"show all my tasks"}""", false),
        ["chat, continue conversation"] = new(HttpMethod.Post, "/chat", """{"conversation_id":{conversation},"message":"delete task {task}"}""", true),
        ["list conversations"] = new(HttpMethod.Get, "/conversations", null, false),
        ["list messages"] = new(HttpMethod.Get, "/conversations/{conversation}/messages", null, true),
    };

    public static TheoryData<string> AllEndpoints => new(Endpoints.Keys);

    public static TheoryData<string> EndpointsTakingAnId => new(Endpoints.Where(e => e.Value.TakesAnId).Select(e => e.Key));

    /// <summary>The victim's id as an attacker might write it in the path. Each must be refused.</summary>
    private static IEnumerable<(string Form, string Segment)> PathForms(string victimId) =>
    [
        ("as is", victimId),
        ("upper case", victimId.ToUpperInvariant()),
        ("percent-encoded", string.Concat(Encoding.UTF8.GetBytes(victimId).Select(b => $"%{b:X2}"))),
        ("with a trailing space", victimId + "%20"),
        ("with an encoded slash", victimId + "%2F"),
    ];

    [Theory]
    [MemberData(nameof(AllEndpoints))]
    public async Task The_victims_user_id_in_the_path_is_refused_in_every_spelling(string endpoint)
    {
        var (victim, attacker, scene) = await SetSceneAsync();
        var before = await StateAsync(victim);

        foreach (var (form, segment) in PathForms(victim.Id))
        {
            var response = await SendAsync(attacker, endpoint, segment, scene.TaskId, scene.ConversationId);
            var body = await response.Content.ReadAsStringAsync(Cancellation);
            // 403 when the path names someone else; 404 when the spelling is not a route at all.
            Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound,
                $"{endpoint}, victim id {form}: {(int)response.StatusCode} {body}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            AssertNoVictimData(body, scene, $"{endpoint}, victim id {form}");
        }

        Assert.Equal(before, await StateAsync(victim));
    }

    [Theory]
    [MemberData(nameof(EndpointsTakingAnId))]
    public async Task The_victims_task_and_conversation_ids_through_ones_own_path_are_not_found(string endpoint)
    {
        var (response, scene) = await AttackThroughOwnPathAsync(endpoint, StateAsync);

        var problem = await AssertProblemAsync(response, HttpStatusCode.NotFound);
        AssertNoVictimData(problem.GetRawText(), scene, endpoint);
    }

    [Theory]
    [MemberData(nameof(AllEndpoints))]
    public async Task Ones_own_path_never_shows_the_victims_data(string endpoint)
    {
        // What the attacker may write for themselves (a task, a chat) changes rows; the victim's view may not change.
        var (response, scene) = await AttackThroughOwnPathAsync(endpoint, EverythingSeenByAsync);

        Assert.True((int)response.StatusCode < 500, $"{endpoint}: {(int)response.StatusCode}");
        AssertNoVictimData(await response.Content.ReadAsStringAsync(Cancellation), scene, endpoint);
    }

    /// <summary>What the victim owns: a task and a conversation whose texts are unique to this test.</summary>
    private sealed record Scene(int TaskId, int ConversationId, string Secret);

    private async Task<(TestUser Victim, TestUser Attacker, Scene Scene)> SetSceneAsync()
    {
        var victim = await RegisterAsync(UniqueEmail("victim"));
        var attacker = await RegisterAsync(UniqueEmail("attacker"));
        var secret = $"Victim secret {Guid.NewGuid():N}";
        var task = await CreateTaskAsync(victim, secret, $"{secret} description");
        var turn = await ChatAsync(victim, "What's pending?"); // the reply lists the secret title
        Assert.Contains(secret, turn.Response, StringComparison.Ordinal);
        return (victim, attacker, new Scene(task.Id, turn.ConversationId, secret));
    }

    private static async Task<HttpResponseMessage> SendAsync(TestUser caller, string endpoint, string userSegment, int taskId, int conversationId)
    {
        var (method, path, body, _) = Endpoints[endpoint];
        string Fill(string text) => text
            .Replace("{task}", taskId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{conversation}", conversationId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        using var request = new HttpRequestMessage(method, new Uri($"/api/{userSegment}{Fill(path)}", UriKind.Relative));
        if (body is not null)
            request.Content = new StringContent(Fill(body), Encoding.UTF8, "application/json");
        return await caller.Client.SendAsync(request, Cancellation);
    }

    /// <summary>
    /// The attacker sends <paramref name="endpoint"/> through their own path, naming the victim's task
    /// and conversation; asserts that <paramref name="victimState"/> reads the same after as before.
    /// </summary>
    private async Task<(HttpResponseMessage Response, Scene Scene)> AttackThroughOwnPathAsync<TState>(string endpoint, Func<TestUser, Task<TState>> victimState)
    {
        var (victim, attacker, scene) = await SetSceneAsync();
        var before = await victimState(victim);

        var response = await SendAsync(attacker, endpoint, attacker.Id, scene.TaskId, scene.ConversationId);

        Assert.Equal(before, await victimState(victim));
        return (response, scene);
    }

    private static void AssertNoVictimData(string body, Scene scene, string what) =>
        Assert.False(body.Contains(scene.Secret, StringComparison.Ordinal), $"{what} leaked the victim's data: {body}");

    /// <summary>What an attack must leave as it was: all the victim sees, and the rows of every table (nothing planted elsewhere).</summary>
    private async Task<(string VictimView, RowCounts Rows)> StateAsync(TestUser victim) =>
        (await EverythingSeenByAsync(victim), await RowCountsAsync());
}

[Collection(SqliteCollection.Name)]
public sealed class CrossUserAttackTestsOnSqlite(SqliteApiFactory factory) : CrossUserAttackTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class CrossUserAttackTestsOnPostgres(PostgresApiFactory factory) : CrossUserAttackTests(factory);
