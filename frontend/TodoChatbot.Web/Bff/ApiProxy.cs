using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Transforms;
using TodoChatbot.Contracts;

namespace TodoChatbot.Web.Bff;

/// <summary>
/// <c>/api/**</c> reverse-proxied to the backend with YARP: the session cookie becomes a bearer
/// token and is itself not forwarded, so the backend sees only the token and the browser sees
/// only its cookie. A 401 from the backend (expired token) clears the cookie. When the backend
/// cannot be reached, the 502/504 problem says so in words the UI shows.
/// </summary>
public static class ApiProxy
{
    public static WebApplicationBuilder AddApiProxy(this WebApplicationBuilder builder)
    {
        var backend = BackendOptions.Resolve(builder.Configuration);
        builder.Services.AddSingleton(backend);
        builder.Services.AddHttpClient(BackendOptions.HttpClientName, client =>
        {
            client.BaseAddress = backend.BaseUrl;
            client.Timeout = backend.Timeout;
        });

        builder.Services.AddReverseProxy()
            .LoadFromMemory(
                [new RouteConfig { RouteId = "api", ClusterId = "backend", Match = new RouteMatch { Path = "/api/{**rest}" } }],
                [new ClusterConfig
                {
                    ClusterId = "backend",
                    Destinations = new Dictionary<string, DestinationConfig> { ["backend"] = new() { Address = backend.BaseUrl.ToString() } },
                    HttpRequest = new Yarp.ReverseProxy.Forwarder.ForwarderRequestConfig { ActivityTimeout = backend.Timeout },
                }])
            .AddTransforms(transforms =>
            {
                transforms.AddRequestTransform(context =>
                {
                    var headers = context.ProxyRequest.Headers;
                    headers.Remove("Cookie");
                    headers.Remove(BffProtocol.AntiForgeryHeader);
                    if (AuthCookie.Read(context.HttpContext) is { } token)
                        headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                    return ValueTask.CompletedTask;
                });
                transforms.AddResponseTransform(context =>
                {
                    if (context.ProxyResponse?.StatusCode == System.Net.HttpStatusCode.Unauthorized)
                        AuthCookie.Delete(context.HttpContext);
                    return ValueTask.CompletedTask;
                });
            });

        // YARP answers a failed forward with a bare 502 or 504; the status-code problem gets a
        // reason a person can act on, as the BFF's own endpoints give one.
        builder.Services.PostConfigure<ProblemDetailsOptions>(options =>
        {
            var previous = options.CustomizeProblemDetails;
            options.CustomizeProblemDetails = context =>
            {
                previous?.Invoke(context);
                if (context.HttpContext.GetForwarderErrorFeature() is { } failure)
                    context.ProblemDetails.Detail ??= failure.Error == ForwarderError.RequestTimedOut
                        ? ServiceMessages.TooSlow
                        : ServiceMessages.Unreachable;
            };
        });
        return builder;
    }
}
