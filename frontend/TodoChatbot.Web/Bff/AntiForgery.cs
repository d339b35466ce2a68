using TodoChatbot.Contracts;

namespace TodoChatbot.Web.Bff;

/// <summary>
/// Cross-site request forgery guard for a cookie-authenticated API: every unsafe request to
/// <c>/api</c> or <c>/bff</c> must carry <see cref="BffProtocol.AntiForgeryHeader"/> (see there why that
/// is enough).
/// </summary>
public static class AntiForgery
{
    public static IApplicationBuilder UseAntiForgeryHeader(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        var guarded = request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/bff");
        var unsafeMethod = !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method));
        if (guarded && unsafeMethod && request.Headers[BffProtocol.AntiForgeryHeader] != BffProtocol.AntiForgeryValue)
        {
            await TypedResults.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "Missing anti-forgery header",
                detail: $"Requests that change data must carry the header {BffProtocol.AntiForgeryHeader}: {BffProtocol.AntiForgeryValue}.").ExecuteAsync(context);
            return;
        }
        await next(context);
    });
}
