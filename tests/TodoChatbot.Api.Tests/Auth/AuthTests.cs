namespace TodoChatbot.Api.Tests.Auth;

public abstract class AuthTests(ApiFactory factory) : ApiTestBase(factory)
{
    [Fact]
    public async Task Register_returns_a_token_that_me_accepts()
    {
        var email = UniqueEmail();
        using var client = AnonymousClient();

        var response = await client.PostAsJsonAsync("/api/auth/register", new RegisterRequest($"  {email} ", "long enough", " Ann "), Json, Cancellation);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var auth = (await response.Content.ReadFromJsonAsync<AuthResponse>(Json, Cancellation))!;
        Assert.Equal(email, auth.User.Email);
        Assert.Equal("Ann", auth.User.Name);
        Assert.True(auth.ExpiresAt > DateTime.UtcNow.AddHours(1));
        using var authed = ClientWithToken(auth.Token);
        var me = await authed.GetFromJsonAsync<UserDto>("/api/auth/me", Json, Cancellation);
        Assert.Equal(auth.User, me);
    }

    [Fact]
    public async Task Login_returns_a_token_for_the_same_user_whatever_the_email_case()
    {
        var user = await RegisterAsync();
        using var client = AnonymousClient();

        var response = await client.PostAsJsonAsync("/api/auth/login", new LoginRequest(user.Email.ToUpperInvariant(), user.Password), Json, Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var auth = (await response.Content.ReadFromJsonAsync<AuthResponse>(Json, Cancellation))!;
        Assert.Equal(user.Id, auth.User.Id);
        using var authed = ClientWithToken(auth.Token);
        Assert.Equal(HttpStatusCode.OK, (await authed.GetAsync(user.Tasks, Cancellation)).StatusCode);
    }

    [Fact]
    public async Task Registering_an_existing_email_is_a_conflict()
    {
        var user = await RegisterAsync();
        using var client = AnonymousClient();

        var response = await client.PostAsJsonAsync("/api/auth/register", new RegisterRequest(user.Email, "another password"), Json, Cancellation);

        var problem = await AssertProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Contains("already exists", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "long enough", "email")]
    [InlineData("not-an-email", "long enough", "email")]
    [InlineData(null, "long enough", "email")]
    [InlineData("VALID", "", "password")]
    [InlineData("VALID", "seven77", "password")]
    public async Task Register_rejects_bad_fields_with_the_field_named(string? email, string password, string field)
    {
        using var client = AnonymousClient();
        var request = new RegisterRequest(email == "VALID" ? UniqueEmail() : email, password);

        var response = await client.PostAsJsonAsync("/api/auth/register", request, Json, Cancellation);

        var messages = await AssertValidationErrorAsync(response, field);
        Assert.NotEmpty(messages);
    }

    [Fact]
    public async Task A_password_of_eight_characters_is_enough()
    {
        var user = await RegisterAsync(password: "eight888");
        Assert.NotEmpty(user.Token);
    }

    [Fact]
    public async Task Wrong_password_and_unknown_email_get_the_same_answer()
    {
        var user = await RegisterAsync();
        using var client = AnonymousClient();

        var wrongPassword = await client.PostAsJsonAsync("/api/auth/login", new LoginRequest(user.Email, "not the password"), Json, Cancellation);
        var unknownEmail = await client.PostAsJsonAsync("/api/auth/login", new LoginRequest(UniqueEmail("nobody"), "not the password"), Json, Cancellation);

        var first = await AssertProblemAsync(wrongPassword, HttpStatusCode.Unauthorized);
        var second = await AssertProblemAsync(unknownEmail, HttpStatusCode.Unauthorized);
        Assert.Equal("Invalid email or password.", first.GetProperty("detail").GetString());
        Assert.Equal(first.GetProperty("detail").GetString(), second.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        var user = await RegisterAsync();
        using var client = AnonymousClient();
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            var response = await client.PostAsJsonAsync("/api/auth/login", new LoginRequest(user.Email, "wrong"), Json, Cancellation);
            await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        }

        var fifth = await client.PostAsJsonAsync("/api/auth/login", new LoginRequest(user.Email, "wrong"), Json, Cancellation);
        var withRightPassword = await client.PostAsJsonAsync("/api/auth/login", new LoginRequest(user.Email, user.Password), Json, Cancellation);

        await AssertProblemAsync(fifth, HttpStatusCode.TooManyRequests);
        var locked = await AssertProblemAsync(withRightPassword, HttpStatusCode.TooManyRequests);
        Assert.Contains("Try again in 5 minutes", locked.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_burst_of_parallel_wrong_passwords_still_locks_the_account()
    {
        var user = await RegisterAsync();
        using var client = AnonymousClient();

        var attempts = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ =>
            client.PostAsJsonAsync("/api/auth/login", new LoginRequest(user.Email, "wrong"), Json, Cancellation)));
        var withRightPassword = await client.PostAsJsonAsync("/api/auth/login", new LoginRequest(user.Email, user.Password), Json, Cancellation);

        Assert.All(attempts, response => Assert.Contains(response.StatusCode, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests }));
        await AssertProblemAsync(withRightPassword, HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Parallel_sign_ups_with_one_email_create_one_account_and_never_fail_with_500()
    {
        var email = UniqueEmail("race");
        using var client = AnonymousClient();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            client.PostAsJsonAsync("/api/auth/register", new RegisterRequest(email, "long enough"), Json, Cancellation)));

        Assert.Single(responses, response => response.StatusCode == HttpStatusCode.Created);
        foreach (var response in responses.Where(response => response.StatusCode != HttpStatusCode.Created))
            await AssertProblemAsync(response, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Login_without_a_password_is_a_validation_problem()
    {
        using var client = AnonymousClient();
        var response = await client.PostAsJsonAsync("/api/auth/login", new LoginRequest(UniqueEmail(), null), Json, Cancellation);
        await AssertValidationErrorAsync(response, "password");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class AuthTestsOnSqlite(SqliteApiFactory factory) : AuthTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class AuthTestsOnPostgres(PostgresApiFactory factory) : AuthTests(factory);
