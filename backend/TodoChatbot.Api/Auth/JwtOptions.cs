using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace TodoChatbot.Api.Auth;

/// <summary>Settings of the <c>Auth</c> configuration section (<c>JWT_SECRET</c> is an alias of <c>Auth:JwtSecret</c>).</summary>
public sealed class JwtOptions
{
    public const string Section = "Auth";
    public const int MinimumSecretBytes = 32;

    /// <summary>HMAC-SHA256 signing key; at least 32 bytes. Only ever from the environment or a mounted secret.</summary>
    public string? JwtSecret { get; set; }

    public string Issuer { get; set; } = "todo-chatbot";
    public string Audience { get; set; } = "todo-chatbot";
    public int TokenLifetimeMinutes { get; set; } = 1440;

    public TimeSpan TokenLifetime => TimeSpan.FromMinutes(TokenLifetimeMinutes);

    public SymmetricSecurityKey SigningKey => new(Encoding.UTF8.GetBytes(JwtSecret ?? ""));

    public bool HasStrongSecret => Encoding.UTF8.GetByteCount(JwtSecret ?? "") >= MinimumSecretBytes;

    /// <summary>
    /// In Development with no secret configured, a random one per process keeps the
    /// one-command start working; tokens then end with the process. Elsewhere nothing is invented.
    /// </summary>
    internal void UseDevelopmentSecretIfMissing(IHostEnvironment environment)
    {
        if (environment.IsDevelopment() && string.IsNullOrEmpty(JwtSecret))
            JwtSecret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
    }
}
