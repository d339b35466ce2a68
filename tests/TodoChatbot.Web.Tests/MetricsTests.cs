using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Yarp.ReverseProxy.Configuration;

namespace TodoChatbot.Web.Tests;

/// <summary>
/// The frontend host's own <c>/metrics</c>, and the rule that its public proxy never reaches the
/// backend's: YARP forwards <c>/api/**</c> only, whatever a client writes in the path.
/// </summary>
public sealed class MetricsTests(BffTests.HostFactory factory) : IClassFixture<BffTests.HostFactory>
{
    [Fact]
    public async Task The_host_serves_its_own_metrics_and_proxied_requests_move_the_proxy_route()
    {
        using var client = Client();
        client.DefaultRequestHeaders.Add("Cookie", $"todo_session={factory.Backend.Token}");
        (string, string)[] proxied = [("http_route", "/api/{**rest}"), ("http_request_method", "GET"), ("http_response_status_code", "200")];
        var before = await PrometheusText.ScrapeAsync(client);

        for (var i = 0; i < 2; i++)
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/user-1/tasks", Cancellation)).StatusCode);

        var expected = before.Sum("http_server_request_duration_seconds_count", proxied) + 2;
        var after = await PrometheusText.ScrapeUntilAsync(client, "http_server_request_duration_seconds_count", expected, TimeSpan.FromSeconds(10), proxied);
        Assert.Equal(expected, after.Sum("http_server_request_duration_seconds_count", proxied));
        Assert.Equal(1, after.Sum("target_info", ("service_name", "TodoChatbot.Web")));
        Assert.DoesNotContain(FakeBackend.MetricsMarker, after.Text, StringComparison.Ordinal);
        // No label holds what identifies the user: their id from the path, their email, their token.
        foreach (var personal in new[] { FakeBackend.User.Id, FakeBackend.User.Email, factory.Backend.Token })
            Assert.DoesNotContain(personal, after.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_proxy_has_one_route_and_it_forwards_api_paths_only()
    {
        var routes = factory.Services.GetRequiredService<IProxyConfigProvider>().GetConfig().Routes;
        var route = Assert.Single(routes);
        Assert.Equal("/api/{**rest}", route.Match.Path);
        Assert.Null(route.Transforms); // no path rewrite that could turn an /api path into another
    }

    [Theory]
    [InlineData("/api/../metrics")]
    [InlineData("/api/%2e%2e/metrics")]
    [InlineData("/api/%2E%2E%2Fmetrics")]
    [InlineData("/api/..%2fmetrics")]
    [InlineData("/api//../../metrics")]
    [InlineData("/API/../metrics")]
    [InlineData("/api/metrics")]
    public async Task No_path_written_by_a_client_reaches_the_backends_metrics(string path)
    {
        var (status, body) = await RawGetAsync(path);

        Assert.DoesNotContain(FakeBackend.MetricsMarker, body, StringComparison.Ordinal);
        Assert.DoesNotContain(factory.Backend.Received, request => request.Path.Equals("/metrics", StringComparison.OrdinalIgnoreCase));
        Assert.True(status is >= 200 and < 500, $"{path}: answered {status}");
    }

    /// <summary>A GET with the path exactly as written: HttpClient would resolve the dot segments before sending.</summary>
    private async Task<(int Status, string Body)> RawGetAsync(string path)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(factory.ServerAddress.Host, factory.ServerAddress.Port, Cancellation);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"GET {path} HTTP/1.1\r\nHost: {factory.ServerAddress.Authority}\r\nConnection: close\r\n\r\n"), Cancellation);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var response = await reader.ReadToEndAsync(Cancellation);
        var status = int.Parse(response.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        return (status, response);
    }

    private HttpClient Client() => factory.CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = factory.ServerAddress,
        HandleCookies = false,
        AllowAutoRedirect = false,
    });
}
