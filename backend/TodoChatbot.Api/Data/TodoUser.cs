using Microsoft.AspNetCore.Identity;

namespace TodoChatbot.Api.Data;

/// <summary>An account. ASP.NET Core Identity keeps the email, password hash and lockout state.</summary>
public sealed class TodoUser : IdentityUser
{
    public const int NameMaxLength = 100;

    /// <summary>Identity's column width for the email (and the user name, which is the email).</summary>
    public const int EmailMaxLength = 256;

    /// <summary>How the person wants to be addressed; optional.</summary>
    public string? Name { get; set; }
}
