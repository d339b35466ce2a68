namespace TodoChatbot.Contracts;

/// <summary>
/// What the browser app and its host (the backend-for-frontend) agree on beyond the API's bodies:
/// the anti-forgery header that every change must carry, and the name of the session cookie.
/// </summary>
public static class BffProtocol
{
    /// <summary>
    /// A custom header only same-origin script can add (cross-origin it needs a CORS preflight the
    /// host never grants), so a form or script on another site cannot act with the user's cookie.
    /// </summary>
    public const string AntiForgeryHeader = "X-CSRF";
    public const string AntiForgeryValue = "1";

    /// <summary>The HttpOnly cookie that holds the backend's token; browser code never reads it.</summary>
    public const string SessionCookie = "todo_session";
}

/// <summary>The words a person sees when the service cannot answer: one wording wherever it is decided.</summary>
public static class ServiceMessages
{
    /// <summary>The backend (or, from the browser, the host) did not answer at all.</summary>
    public const string Unreachable = "The todo service is not reachable right now. Try again in a moment.";

    /// <summary>The backend took longer than the proxy waits.</summary>
    public const string TooSlow = "The todo service took too long to answer. Try again in a moment.";
}
