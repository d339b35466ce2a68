using Microsoft.AspNetCore.Identity;

namespace TodoChatbot.Api.Data;

/// <summary>An account. ASP.NET Core Identity keeps the email, password hash and lockout state.</summary>
public sealed class TodoUser : IdentityUser
{
    /// <summary>How the person wants to be addressed; optional.</summary>
    public string? Name { get; set; }
}
