using TodoChatbot.Contracts;

namespace TodoChatbot.Web.Bff;

/// <summary>
/// The session cookie: the backend's JWT, kept where browser code cannot read it (HttpOnly), sent
/// only to this origin's own requests (SameSite=Strict), over HTTPS only when the page came over
/// HTTPS, and expiring with the token.
/// </summary>
public static class AuthCookie
{
    public const string Name = BffProtocol.SessionCookie;

    public static string? Read(HttpContext context) =>
        context.Request.Cookies.TryGetValue(Name, out var token) && !string.IsNullOrEmpty(token) ? token : null;

    public static void Write(HttpContext context, string token, DateTime expiresAt) =>
        context.Response.Cookies.Append(Name, token, Options(context, expiresAt));

    public static void Delete(HttpContext context) =>
        context.Response.Cookies.Delete(Name, Options(context, expires: null));

    private static CookieOptions Options(HttpContext context, DateTime? expires) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = context.Request.IsHttps,
        Path = "/",
        IsEssential = true,
        Expires = expires is null ? null : new DateTimeOffset(DateTime.SpecifyKind(expires.Value, DateTimeKind.Utc)),
    };
}
