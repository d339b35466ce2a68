using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using TodoChatbot.Api.Data;
using TodoChatbot.Contracts;

namespace TodoChatbot.Api.Auth;

public static class UserExtensions
{
    /// <summary>The signed-in user's id: the token's subject. Endpoints behind authorization always have one.</summary>
    public static string GetUserId(this ClaimsPrincipal principal) =>
        principal.FindFirstValue(JwtRegisteredClaimNames.Sub)
        ?? throw new InvalidOperationException("The request is not authenticated.");

    public static UserDto ToDto(this TodoUser user) => new(user.Id, user.Email ?? "", user.Name);
}
