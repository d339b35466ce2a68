using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using TodoChatbot.Api.Data;

namespace TodoChatbot.Api.Auth;

/// <summary>
/// The last check on a bearer token, after its signature, issuer, audience and lifetime: it must
/// name a subject, and that account must still exist. Without it a token outlives its account for
/// up to its whole lifetime: reads answered 200 for nobody and writes failed on the foreign key
/// with a 500; a signed token without <c>sub</c> reached handlers that need one (500 on /me).
/// One primary-key lookup per request to an endpoint that requires authorization; endpoints open
/// to anyone (health, OpenAPI) skip it even when a token comes along, so a database outage does
/// not turn a bearer-carrying liveness check into a 503.
/// </summary>
public static class AccountTokenValidation
{
    public static async Task RequireExistingAccountAsync(TokenValidatedContext context)
    {
        var userId = context.Principal.FindUserId();
        if (string.IsNullOrEmpty(userId))
        {
            context.Fail("The token has no subject.");
            return;
        }
        if (!RequiresAuthorization(context.HttpContext))
            return;
        var db = context.HttpContext.RequestServices.GetRequiredService<TodoDbContext>();
        if (!await db.Users.AsNoTracking().AnyAsync(user => user.Id == userId, context.HttpContext.RequestAborted))
            context.Fail("The token's account no longer exists.");
    }

    private static bool RequiresAuthorization(HttpContext context) =>
        context.GetEndpoint()?.Metadata is { } metadata
        && metadata.GetMetadata<IAllowAnonymous>() is null
        && metadata.GetOrderedMetadata<IAuthorizeData>().Count > 0;
}
