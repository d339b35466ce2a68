namespace TodoChatbot.Contracts;

/// <summary>Body of <c>POST /api/auth/register</c>.</summary>
public sealed record RegisterRequest(string? Email, string? Password, string? Name = null);

/// <summary>Body of <c>POST /api/auth/login</c>.</summary>
public sealed record LoginRequest(string? Email, string? Password);

/// <summary>The signed-in person, as the API shows them.</summary>
public sealed record UserDto(string Id, string Email, string? Name);

/// <summary>Answer to a successful register or login: a bearer token and who it is for.</summary>
public sealed record AuthResponse(string Token, DateTime ExpiresAt, UserDto User);

/// <summary>What an account's fields must be: the API enforces them, the sign-up form checks them first.</summary>
public static class AccountRules
{
    public const int PasswordMinLength = 8;
    public const int NameMaxLength = 100;

    /// <summary>Identity's column width for the email (and the user name, which is the email).</summary>
    public const int EmailMaxLength = 256;
}
