using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Net.Http.Headers;

namespace TodoChatbot.Web.Tests;

/// <summary>The frontend host's backend-for-frontend, on real Kestrel, against <see cref="FakeBackend"/>.</summary>
public sealed class BffTests(BffTests.HostFactory factory) : IClassFixture<BffTests.HostFactory>
{
    private FakeBackend Backend => factory.Backend;

    [Fact]
    public async Task Login_sets_an_HttpOnly_SameSite_Strict_cookie_and_returns_the_user_without_the_token()
    {
        using var client = Client();

        var response = await PostAsync(client, "/bff/login", new LoginRequest("ann@example.com", FakeBackend.Password));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(Cancellation);
        Assert.DoesNotContain(Backend.Token, body, StringComparison.Ordinal);
        Assert.Equal(FakeBackend.User, System.Text.Json.JsonSerializer.Deserialize<UserDto>(body, ContractJson.Options));
        var cookie = SessionCookie(response);
        Assert.Equal(Backend.Token, cookie.Value.ToString());
        Assert.True(cookie.HttpOnly);
        Assert.Equal(Microsoft.Net.Http.Headers.SameSiteMode.Strict, cookie.SameSite);
        Assert.Equal("/", cookie.Path.ToString());
        Assert.False(cookie.Secure); // plain HTTP here; Secure follows the request's scheme
        Assert.InRange(cookie.Expires!.Value.UtcDateTime, Backend.ExpiresAt.AddSeconds(-2), Backend.ExpiresAt.AddSeconds(2));
    }

    [Fact]
    public async Task Register_signs_in_the_same_way()
    {
        using var client = Client();
        var response = await PostAsync(client, "/bff/register", new RegisterRequest("ann@example.com", FakeBackend.Password, "Ann"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(Backend.Token, await response.Content.ReadAsStringAsync(Cancellation), StringComparison.Ordinal);
        Assert.True(SessionCookie(response).HttpOnly);
    }

    [Fact]
    public async Task A_wrong_password_answers_with_the_backends_own_message()
    {
        using var client = Client();
        var response = await PostAsync(client, "/bff/login", new LoginRequest("ann@example.com", "wrong"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Invalid email or password.", await response.Content.ReadAsStringAsync(Cancellation), StringComparison.Ordinal);
        Assert.False(response.Headers.Contains(HeaderNames.SetCookie));
    }

    [Fact]
    public async Task The_proxy_adds_the_bearer_token_drops_the_cookie_and_says_who_the_client_is()
    {
        using var client = Client();
        client.DefaultRequestHeaders.Add(HeaderNames.Cookie, $"{BffProtocol.SessionCookie}={Backend.Token}; other=1");

        var response = await client.GetAsync("/api/user-1/tasks", Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var received = Backend.Received.Last(request => request.Path == "/api/user-1/tasks");
        Assert.Equal($"Bearer {Backend.Token}", received.Authorization);
        Assert.Null(received.Cookie);
        Assert.Equal("127.0.0.1", received.ForwardedFor);
        Assert.DoesNotContain(Backend.Token, await response.Content.ReadAsStringAsync(Cancellation), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_in_tells_the_backend_who_the_client_is_for_its_rate_limits()
    {
        using var client = Client();
        await PostAsync(client, "/bff/login", new LoginRequest("ann@example.com", FakeBackend.Password));
        Assert.Equal("127.0.0.1", Backend.Received.Last(request => request.Path == "/api/auth/login").ForwardedFor);
    }

    [Theory]
    [InlineData("/api/user-1/tasks")]
    [InlineData("/bff/login")]
    [InlineData("/bff/logout")]
    public async Task Changes_without_the_anti_forgery_header_are_refused_before_reaching_the_backend(string path)
    {
        using var client = Client();
        client.DefaultRequestHeaders.Add(HeaderNames.Cookie, $"{BffProtocol.SessionCookie}={Backend.Token}");
        var before = Backend.Received.Count;

        var response = await client.PostAsync(path, JsonContent.Create(new CreateTaskRequest("Planted"), options: ContractJson.Options), Cancellation);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains(BffProtocol.AntiForgeryHeader, await response.Content.ReadAsStringAsync(Cancellation), StringComparison.Ordinal);
        Assert.Equal(before, Backend.Received.Count);
    }

    [Fact]
    public async Task With_the_header_the_same_change_goes_through()
    {
        using var client = Client();
        client.DefaultRequestHeaders.Add(HeaderNames.Cookie, $"{BffProtocol.SessionCookie}={Backend.Token}");
        var response = await PostAsync(client, "/api/user-1/tasks", new CreateTaskRequest("Buy groceries"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/auth/login")]
    [InlineData("/api/auth/register")]
    public async Task The_backends_token_endpoints_are_not_reachable_through_the_proxy(string path)
    {
        using var client = Client();
        var response = await PostAsync(client, path, new LoginRequest("ann@example.com", FakeBackend.Password));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(Backend.Token, await response.Content.ReadAsStringAsync(Cancellation), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_current_user_comes_from_the_cookie_and_logout_clears_it()
    {
        using var client = Client();
        client.DefaultRequestHeaders.Add(HeaderNames.Cookie, $"{BffProtocol.SessionCookie}={Backend.Token}");

        var user = await client.GetFromJsonAsync<UserDto>("/bff/user", ContractJson.Options, Cancellation);
        var logout = await PostAsync(client, "/bff/logout", null);

        Assert.Equal(FakeBackend.User, user);
        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        var cleared = SessionCookie(logout);
        Assert.Equal("", cleared.Value.ToString());
        Assert.True(cleared.Expires < DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task An_expired_session_is_forgotten()
    {
        using var client = Client();
        client.DefaultRequestHeaders.Add(HeaderNames.Cookie, $"{BffProtocol.SessionCookie}=expired.token.value");

        var user = await client.GetAsync("/bff/user", Cancellation);
        var proxied = await client.GetAsync("/api/user-1/tasks", Cancellation);

        Assert.Equal(HttpStatusCode.Unauthorized, user.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, proxied.StatusCode);
        Assert.True(SessionCookie(user).Expires < DateTimeOffset.UtcNow);
        Assert.True(SessionCookie(proxied).Expires < DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task Page_addresses_get_the_app_never_cached()
    {
        using var client = Client();
        var response = await client.GetAsync("/some/deep/link", Cancellation);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("_framework/blazor.webassembly.js", await response.Content.ReadAsStringAsync(Cancellation), StringComparison.Ordinal);
        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task Health_endpoints_answer_for_the_host_itself()
    {
        using var client = Client();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz", Cancellation)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz", Cancellation)).StatusCode);
    }

    /// <summary>A client that keeps no cookies of its own: each test sends exactly the cookies it means to.</summary>
    private HttpClient Client() => factory.CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = factory.ServerAddress,
        HandleCookies = false,
        AllowAutoRedirect = false,
    });

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, object? body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = body is null ? new StringContent("", Encoding.UTF8, "application/json") : JsonContent.Create(body, body.GetType(), options: ContractJson.Options),
        };
        request.Headers.Add(BffProtocol.AntiForgeryHeader, BffProtocol.AntiForgeryValue);
        return client.SendAsync(request, Cancellation);
    }

    private static SetCookieHeaderValue SessionCookie(HttpResponseMessage response)
    {
        Assert.True(response.Headers.TryGetValues(HeaderNames.SetCookie, out var values), "no Set-Cookie header");
        return SetCookieHeaderValue.ParseList(values.ToList()).Single(cookie => cookie.Name == BffProtocol.SessionCookie);
    }

    /// <summary>The frontend host on Kestrel, its backend the fake.</summary>
    public sealed class HostFactory : WebApplicationFactory<Program>, IAsyncLifetime
    {
        public FakeBackend Backend { get; private set; } = null!;

        /// <summary>Kestrel's address (options passed to CreateClient would otherwise default to http://localhost).</summary>
        public Uri ServerAddress { get; private set; } = null!;

        public HostFactory() => UseKestrel(0);

        public async ValueTask InitializeAsync()
        {
            Backend = await FakeBackend.StartAsync();
            StartServer();
            using var probe = CreateClient();
            ServerAddress = probe.BaseAddress!;
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            // Development: only there does a build (not a publish) serve the WebAssembly app's files.
            builder.UseEnvironment("Development");
            builder.UseSetting("BACKEND_URL", Backend.BaseUrl.ToString());
            builder.UseSetting("Shutdown:DrainDelaySeconds", "0");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            await Backend.DisposeAsync();
        }
    }
}
