namespace TodoChatbot.Web.Bff;

/// <summary>
/// Cross-site request forgery guard for a cookie-authenticated API: every unsafe request to
/// <c>/api</c> or <c>/bff</c> must carry <c>X-CSRF: 1</c>. A browser only lets same-origin script
/// add a custom header (cross-origin, it would need a CORS preflight this host never grants), so a
/// form or script on another site cannot act with the user's cookie.
/// </summary>
public static class AntiForgery
{
    public const string HeaderName = "X-CSRF";
    public const string HeaderValue = "1";

    public static IApplicationBuilder UseAntiForgeryHeader(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        var guarded = request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/bff");
        var unsafeMethod = !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method));
        if (guarded && unsafeMethod && request.Headers[HeaderName] != HeaderValue)
        {
            await TypedResults.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "Missing anti-forgery header",
                detail: $"Requests that change data must carry the header {HeaderName}: {HeaderValue}.").ExecuteAsync(context);
            return;
        }
        await next(context);
    });
}
