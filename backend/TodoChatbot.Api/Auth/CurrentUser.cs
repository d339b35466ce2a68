namespace TodoChatbot.Api.Auth;

/// <summary>
/// The authenticated caller of the current request, for services that act on a user's behalf
/// (the chat tools, the MCP server). The id always comes from the validated token.
/// </summary>
public sealed class CurrentUser(IHttpContextAccessor accessor)
{
    public string Id => accessor.HttpContext?.User.GetUserId()
        ?? throw new InvalidOperationException("There is no current request.");
}
