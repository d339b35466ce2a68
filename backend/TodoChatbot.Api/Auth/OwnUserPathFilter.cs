
namespace TodoChatbot.Api.Auth;

/// <summary>
/// Guards every <c>/api/{user_id}/…</c> route: the user id in the path must be the token's subject.
/// Handlers then work with the token's id only, so a path can never select someone else's data.
/// </summary>
public sealed class OwnUserPathFilter : IEndpointFilter
{
    public const string RouteParameter = "user_id";

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var pathUserId = http.Request.RouteValues[RouteParameter] as string;
        var tokenUserId = http.User.FindUserId();
        if (tokenUserId is null || !string.Equals(pathUserId, tokenUserId, StringComparison.Ordinal))
        {
            return ValueTask.FromResult<object?>(TypedResults.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "Forbidden",
                detail: "The user id in the path is not the signed-in user's."));
        }
        return next(context);
    }
}
