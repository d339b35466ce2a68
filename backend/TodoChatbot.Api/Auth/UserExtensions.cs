using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using TodoChatbot.Api.Data;
using TodoChatbot.Contracts;

namespace TodoChatbot.Api.Auth;

public static class UserExtensions
{
    /// <summary>The signed-in user's id: the token's subject, or null when the request carries no valid token.</summary>
    public static string? FindUserId(this ClaimsPrincipal? principal) => principal?.FindFirstValue(JwtRegisteredClaimNames.Sub);

    /// <summary>The signed-in user's id. Endpoints behind authorization always have one.</summary>
    public static string GetUserId(this ClaimsPrincipal principal) =>
        principal.FindUserId() ?? throw new InvalidOperationException("The request is not authenticated.");

    public static UserDto ToDto(this TodoUser user) => new(user.Id, user.Email ?? "", user.Name);
}
