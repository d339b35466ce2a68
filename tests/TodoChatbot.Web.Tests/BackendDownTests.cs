using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace TodoChatbot.Web.Tests;

/// <summary>With the backend down, the UI still loads, the host stays healthy, and the answers say so plainly.</summary>
public sealed class BackendDownTests(BackendDownTests.NoBackendFactory factory) : IClassFixture<BackendDownTests.NoBackendFactory>
{
    [Fact]
    public async Task The_app_loads_and_the_host_is_healthy()
    {
        using var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/", Cancellation)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz", Cancellation)).StatusCode);
    }

    [Fact]
    public async Task The_current_user_and_proxied_calls_answer_with_problems_not_hangs()
    {
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("Cookie", $"{BffProtocol.SessionCookie}=some.token.value");

        var user = await client.GetAsync("/bff/user", Cancellation);
        var tasks = await client.GetAsync("/api/user-1/tasks", Cancellation);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, user.StatusCode);
        Assert.Contains(ServiceMessages.Unreachable, await user.Content.ReadAsStringAsync(Cancellation), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadGateway, tasks.StatusCode);
        Assert.Equal("application/problem+json", tasks.Content.Headers.ContentType?.MediaType);
        Assert.Contains(ServiceMessages.Unreachable, await tasks.Content.ReadAsStringAsync(Cancellation), StringComparison.Ordinal);
    }

    /// <summary>The frontend host pointed at a loopback port nothing listens on.</summary>
    public sealed class NoBackendFactory : WebApplicationFactory<Program>
    {
        public NoBackendFactory() => UseKestrel(0);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            // Development: only there does a build (not a publish) serve the WebAssembly app's files.
            builder.UseEnvironment("Development");
            builder.UseSetting("BACKEND_URL", $"http://127.0.0.1:{port}");
            builder.UseSetting("Logging:LogLevel:Default", "Critical");
        }
    }
}
