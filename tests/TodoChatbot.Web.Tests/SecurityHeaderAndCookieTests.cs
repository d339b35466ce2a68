using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Net.Http.Headers;

namespace TodoChatbot.Web.Tests;

/// <summary>
/// The host's browser-facing protections on every kind of response, not only the page: the exact
/// Content-Security-Policy (a weakened policy fails here), the other security headers, the session
/// cookie's flags wherever it is set or cleared, and the client address the backend's sign-in
/// limit relies on. BffTests covers the happy paths of the same features.
/// </summary>
public sealed class SecurityHeaderAndCookieTests(BffTests.HostFactory factory) : IClassFixture<BffTests.HostFactory>
{
    /// <summary>The documented policy, written out: a change to the product's constant must be deliberate here too.</summary>
    private const string ExpectedPolicy =
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; " +
        "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static TheoryData<string, string, string?, bool> Responses => new()
    {
        // method, path, JSON body, signed in
        { "GET", "/", null, false },
        { "GET", "/tasks/deep/link", null, false },
        { "GET", "/_framework/blazor.webassembly.js", null, false },
        { "GET", "/healthz", null, false },
        { "GET", "/bff/user", null, false },
        { "GET", "/bff/user", null, true },
        { "GET", "/bff/login", null, false },
        { "POST", "/bff/login", """{"email":"ann@example.com","password":"wrong"}""", false },
        { "POST", "/bff/login", """{"email": "unterminated""", false },
        { "POST", "/bff/login", """{"email": 42}""", false },
        { "POST", "/bff/login", "", false },
        { "POST", "/api/auth/login", """{"email":"ann@example.com","password":"correct horse"}""", false },
        { "GET", "/api/user-1/tasks", null, true },
        { "GET", "/api/user-1/tasks", null, false },
        { "POST", "/api/user-1/tasks", """{"title":"x"}""", true },
    };

    [Theory]
    [MemberData(nameof(Responses))]
    public async Task Every_response_carries_the_exact_policy_and_headers(string method, string path, string? body, bool signedIn)
    {
        using var client = Client();
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null)
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        if (method != "GET")
            request.Headers.Add(BffProtocol.AntiForgeryHeader, BffProtocol.AntiForgeryValue);
        if (signedIn)
            request.Headers.Add(HeaderNames.Cookie, $"{BffProtocol.SessionCookie}={factory.Backend.Token}");

        var response = await client.SendAsync(request, Cancellation);

        var what = $"{method} {path} -> {(int)response.StatusCode}";
        Assert.True(response.Headers.TryGetValues(HeaderNames.ContentSecurityPolicy, out var policies), $"{what}: no CSP");
        Assert.Equal(ExpectedPolicy, Assert.Single(policies));
        Assert.Equal("nosniff", response.Headers.GetValues(HeaderNames.XContentTypeOptions).Single());
        Assert.Equal("DENY", response.Headers.GetValues(HeaderNames.XFrameOptions).Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.True((int)response.StatusCode < 500, what);
    }

    [Fact]
    public async Task The_cookie_is_HttpOnly_and_SameSite_Strict_wherever_it_is_set_or_cleared()
    {
        using var client = Client();
        var responses = new Dictionary<string, HttpResponseMessage>
        {
            ["login"] = await PostAsync(client, "/bff/login", new LoginRequest("ann@example.com", FakeBackend.Password)),
            ["register"] = await PostAsync(client, "/bff/register", new RegisterRequest("ann@example.com", FakeBackend.Password, "Ann")),
            ["logout"] = await PostAsync(client, "/bff/logout", null, cookie: factory.Backend.Token),
            ["expired session"] = await SendAsync(client, HttpMethod.Get, "/bff/user", cookie: "expired.token.value"),
            ["proxied 401"] = await SendAsync(client, HttpMethod.Get, "/api/user-1/tasks", cookie: "expired.token.value"),
        };

        foreach (var (what, response) in responses)
        {
            Assert.True(response.Headers.TryGetValues(HeaderNames.SetCookie, out var values), $"{what}: no Set-Cookie");
            var cookie = SetCookieHeaderValue.ParseList(values.ToList()).Single(c => c.Name == BffProtocol.SessionCookie);
            Assert.True(cookie.HttpOnly, $"{what}: not HttpOnly");
            Assert.Equal(Microsoft.Net.Http.Headers.SameSiteMode.Strict, cookie.SameSite);
            Assert.Equal("/", cookie.Path.ToString());
        }
    }

    [Fact]
    public async Task A_client_cannot_choose_the_address_the_backend_limits_sign_ins_by()
    {
        using var client = Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/bff/login")
        {
            Content = JsonContent.Create(new LoginRequest("ann@example.com", "wrong"), options: ContractJson.Options),
        };
        request.Headers.Add(BffProtocol.AntiForgeryHeader, BffProtocol.AntiForgeryValue);
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");

        await client.SendAsync(request, Cancellation);

        Assert.Equal("127.0.0.1", factory.Backend.Received.Last(r => r.Path == "/api/auth/login").ForwardedFor);
    }

    [Fact]
    public async Task A_proxied_call_carries_the_cookies_token_not_one_the_client_adds()
    {
        using var client = Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/user-1/tasks");
        request.Headers.Add(HeaderNames.Cookie, $"{BffProtocol.SessionCookie}={factory.Backend.Token}");
        request.Headers.Add(HeaderNames.Authorization, "Bearer forged.token.value");

        var response = await client.SendAsync(request, Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"Bearer {factory.Backend.Token}", factory.Backend.Received.Last(r => r.Path == "/api/user-1/tasks").Authorization);
    }

    private HttpClient Client() => factory.CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = factory.ServerAddress,
        HandleCookies = false,
        AllowAutoRedirect = false,
    });

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, object? body, string? cookie = null) =>
        SendAsync(client, HttpMethod.Post, path, cookie, body is null
            ? new StringContent("", Encoding.UTF8, "application/json")
            : JsonContent.Create(body, body.GetType(), options: ContractJson.Options));

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string? cookie, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Add(BffProtocol.AntiForgeryHeader, BffProtocol.AntiForgeryValue);
        if (cookie is not null)
            request.Headers.Add(HeaderNames.Cookie, $"{BffProtocol.SessionCookie}={cookie}");
        return await client.SendAsync(request, Cancellation);
    }
}
