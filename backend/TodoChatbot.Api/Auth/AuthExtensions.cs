using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using TodoChatbot.Api.Data;
using TodoChatbot.Contracts;

namespace TodoChatbot.Api.Auth;

public static class AuthExtensions
{
    /// <summary>Identity (hashing, password rules, lockout), JWT bearer authentication and the token issuer.</summary>
    public static WebApplicationBuilder AddAuth(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<JwtOptions>()
            .BindConfiguration(JwtOptions.Section)
            .PostConfigure<IHostEnvironment>((options, environment) => options.UseDevelopmentSecretIfMissing(environment))
            .Validate(options => options.HasStrongSecret,
                $"Auth__JwtSecret (or JWT_SECRET) must be set to a random value of at least {JwtOptions.MinimumSecretBytes} bytes, for example the output of 'openssl rand -base64 48'")
            .Validate(options => options.TokenLifetimeMinutes > 0, "Auth__TokenLifetimeMinutes must be a positive number of minutes")
            .ValidateOnStart();

        builder.Services
            .AddIdentityCore<TodoUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                // The user name is the email address: allow every character an address may hold.
                options.User.AllowedUserNameCharacters = "";
                // Length over composition rules (NIST SP 800-63B).
                options.Password.RequiredLength = AccountRules.PasswordMinLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
            })
            .AddEntityFrameworkStores<TodoDbContext>();

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<JwtOptions>>((bearer, jwt) =>
            {
                var settings = jwt.Value;
                // Keep claim names as issued ("sub", "email") instead of the legacy WS-* URIs.
                bearer.MapInboundClaims = false;
                bearer.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = settings.Issuer,
                    ValidAudience = settings.Audience,
                    IssuerSigningKey = settings.SigningKey,
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                    ValidateIssuer = true,
                    ValidateAudience = true,
                    ValidateLifetime = true,
                    ValidateIssuerSigningKey = true,
                    RequireExpirationTime = true,
                    RequireSignedTokens = true,
                    ClockSkew = TimeSpan.FromSeconds(30),
                    NameClaimType = "email",
                };
                bearer.Events = new JwtBearerEvents
                {
                    OnTokenValidated = AccountTokenValidation.RequireExistingAccountAsync,
                    OnChallenge = AccountTokenValidation.DescribeAccountGone,
                };
            });
        builder.Services.AddAuthorization();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<TokenIssuer>();
        builder.AddAuthRateLimiting();
        return builder;
    }
}
