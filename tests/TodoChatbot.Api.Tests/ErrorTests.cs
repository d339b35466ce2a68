using System.Text;

namespace TodoChatbot.Api.Tests;

/// <summary>Bad input gets RFC 7807 problem details with a reason: never a stack trace, never a 500.</summary>
public abstract class ErrorTests(ApiFactory factory) : ApiTestBase(factory)
{
    [Fact]
    public async Task Unknown_routes_are_404_problems()
    {
        using var client = AnonymousClient();
        await AssertProblemAsync(await client.GetAsync("/no/such/route", Cancellation), HttpStatusCode.NotFound);
        var user = await RegisterAsync();
        await AssertProblemAsync(await user.Client.GetAsync($"{user.Tasks}/not-a-number", Cancellation), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Wrong_method_is_a_405_problem()
    {
        using var client = AnonymousClient();
        await AssertProblemAsync(await client.GetAsync("/api/auth/register", Cancellation), HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem_with_a_reason()
    {
        var user = await RegisterAsync();
        var response = await user.Client.PostAsync(user.Tasks, Body("""{"title": "unterminated"""), Cancellation);
        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("not valid JSON", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(await ListTasksAsync(user));
    }

    [Fact]
    public async Task A_wrongly_typed_field_is_named_in_the_problem()
    {
        var user = await RegisterAsync();
        var response = await user.Client.PostAsync(user.Tasks, Body("""{"title": 42}"""), Cancellation);
        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("$.title", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_body_is_a_400_problem_saying_so()
    {
        var user = await RegisterAsync();
        var response = await user.Client.PostAsync(user.Tasks, new StringContent("", Encoding.UTF8, "application/json"), Cancellation);
        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("A JSON request body is required.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_non_json_content_type_is_a_415_problem()
    {
        var user = await RegisterAsync();
        var response = await user.Client.PostAsync(user.Tasks, new StringContent("title=x", Encoding.UTF8, "application/x-www-form-urlencoded"), Cancellation);
        await AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_body_over_the_limit_is_a_413_problem(bool chunked)
    {
        var user = await RegisterAsync();
        var json = $$"""{"title": "{{new string('a', 100_000)}}"}""";
        HttpContent content = chunked
            ? new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(json)))
            : Body(json);
        content.Headers.ContentType = new("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, user.Tasks) { Content = content };
        request.Headers.TransferEncodingChunked = chunked;

        var response = await user.Client.SendAsync(request, Cancellation);

        var problem = await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("65536 bytes", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(await ListTasksAsync(user));
    }

    [Fact]
    public async Task A_json_array_where_an_object_belongs_is_a_400_problem()
    {
        using var client = AnonymousClient();
        var response = await client.PostAsync("/api/auth/login", Body("""["a@example.com", "password"]"""), Cancellation);
        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    private static StringContent Body(string json) => new(json, Encoding.UTF8, "application/json");
}

[Collection(SqliteCollection.Name)]
public sealed class ErrorTestsOnSqlite(SqliteApiFactory factory) : ErrorTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class ErrorTestsOnPostgres(PostgresApiFactory factory) : ErrorTests(factory);
