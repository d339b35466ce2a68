using System.Net.Http.Headers;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Transforms;

// The frontend hop's floor: /api/** forwarded to BACKEND_URL by YARP, with the session cookie
// (todo_session) taken off and sent as a bearer token instead, as the BFF does. No anti-forgery
// check, security headers, exception handler, problem details, health endpoints or logging.
// Settings: ASPNETCORE_URLS, BACKEND_URL.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var backend = builder.Configuration["BACKEND_URL"] ?? throw new InvalidOperationException("BACKEND_URL is not set");
builder.Services.AddReverseProxy()
    .LoadFromMemory(
        [new RouteConfig { RouteId = "api", ClusterId = "backend", Match = new RouteMatch { Path = "/api/{**rest}" } }],
        [new ClusterConfig { ClusterId = "backend", Destinations = new Dictionary<string, DestinationConfig> { ["backend"] = new() { Address = backend } } }])
    .AddTransforms(transforms => transforms.AddRequestTransform(context =>
    {
        var headers = context.ProxyRequest.Headers;
        headers.Remove("Cookie");
        if (context.HttpContext.Request.Cookies.TryGetValue("todo_session", out var token))
            headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return ValueTask.CompletedTask;
    }));

var app = builder.Build();
app.MapReverseProxy();
await app.RunAsync();
