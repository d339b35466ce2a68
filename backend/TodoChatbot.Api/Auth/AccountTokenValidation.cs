using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using TodoChatbot.Api.Data;

namespace TodoChatbot.Api.Auth;

/// <summary>
/// The last check on a bearer token, after its signature, issuer, audience and lifetime: it must
/// name a subject, and that account must still exist. Without it a token outlives its account for
/// up to its whole lifetime: reads answered 200 for nobody and writes failed on the foreign key
/// with a 500; a signed token without <c>sub</c> reached handlers that need one (500 on /me).
/// One primary-key lookup per request to an endpoint that requires authorization; endpoints open
/// to anyone (health, OpenAPI) skip it even when a token comes along, so a database outage does
/// not turn a bearer-carrying liveness check into a 503. An endpoint marked
/// <see cref="ChecksAccountInItsQuery{TBuilder}"/> makes the check part of its own database
/// statement instead (one round trip instead of two on the busiest routes) and answers
/// <see cref="AccountGone"/>, the same 401, when that statement finds no account.
/// </summary>
public static class AccountTokenValidation
{
    private static readonly object AccountGoneKey = new();

    /// <summary>
    /// Marks an endpoint whose handler checks the caller's account in its own statement and
    /// answers <see cref="AccountGone"/> when there is none; the token check then skips its lookup.
    /// </summary>
    public static TBuilder ChecksAccountInItsQuery<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(AccountCheckedByEndpoint.Instance);

    /// <summary>The answer when the endpoint's own statement found no account: the bearer challenge, as for any rejected token.</summary>
    public static ChallengeHttpResult AccountGone(HttpContext context)
    {
        context.Items[AccountGoneKey] = true;
        return TypedResults.Challenge();
    }

    /// <summary>
    /// The challenge names the token invalid (<c>WWW-Authenticate: Bearer error="invalid_token"</c>)
    /// for <see cref="AccountGone"/>, exactly as when the token check itself fails.
    /// </summary>
    public static Task DescribeAccountGone(JwtBearerChallengeContext context)
    {
        if (context.HttpContext.Items.ContainsKey(AccountGoneKey))
            context.Error = "invalid_token";
        return Task.CompletedTask;
    }

    public static async Task RequireExistingAccountAsync(TokenValidatedContext context)
    {
        var userId = context.Principal.FindUserId();
        if (string.IsNullOrEmpty(userId))
        {
            context.Fail("The token has no subject.");
            return;
        }
        if (!NeedsLookup(context.HttpContext))
            return;
        var db = context.HttpContext.RequestServices.GetRequiredService<TodoDbContext>();
        if (!await db.AccountExistsAsync(userId, context.HttpContext.RequestAborted))
            context.Fail("The token's account no longer exists.");
    }

    private static bool NeedsLookup(HttpContext context) =>
        context.GetEndpoint()?.Metadata is { } metadata
        && metadata.GetMetadata<IAllowAnonymous>() is null
        && metadata.GetMetadata<AccountCheckedByEndpoint>() is null
        && metadata.GetOrderedMetadata<IAuthorizeData>().Count > 0;

    private sealed class AccountCheckedByEndpoint
    {
        public static readonly AccountCheckedByEndpoint Instance = new();
    }
}
