namespace TodoChatbot.Web.Hosting;

/// <summary>
/// Headers every response carries. The Content-Security-Policy allows only this origin's scripts,
/// plus WebAssembly compilation ('wasm-unsafe-eval', which Blazor needs; no 'unsafe-eval', no inline
/// script), and forbids framing.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; " +
        "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <remarks>
    /// Set as the response starts, not as the request comes in: the exception handler clears every
    /// header before it writes its problem (a malformed sign-in body answered 400 with no CSP), and
    /// a header set at the start would be gone by then.
    /// </remarks>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        return next(context);
    });
}
