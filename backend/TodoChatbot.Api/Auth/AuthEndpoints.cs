using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TodoChatbot.Api.Data;
using TodoChatbot.Contracts;
using TodoChatbot.ServiceDefaults;

namespace TodoChatbot.Api.Auth;

public static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth").WithTags("Auth");
        auth.MapPost("/register", RegisterAsync).RequireRateLimiting(AuthRateLimiting.Policy)
            .WithSummary("Create an account and sign in.");
        auth.MapPost("/login", LoginAsync).RequireRateLimiting(AuthRateLimiting.Policy)
            .WithSummary("Exchange email and password for a bearer token.");
        auth.MapGet("/me", MeAsync).RequireAuthorization()
            .WithSummary("The signed-in user.");
        return app;
    }

    private static async Task<Results<Created<AuthResponse>, ValidationProblem, ProblemHttpResult>> RegisterAsync(
        RegisterRequest request, UserManager<TodoUser> users, TokenIssuer tokens)
    {
        var email = request.Email?.Trim() ?? "";
        var name = string.IsNullOrWhiteSpace(request.Name) ? null : request.Name.Trim();
        var invalid = new FieldErrors()
            .Add("email", email.Length == 0 ? "Email is required." : CheckEmail(email))
            .Add("password", string.IsNullOrEmpty(request.Password) ? "Password is required." : null)
            .Add("name", name is null ? null : TextRules.Check(name, "Name", AccountRules.NameMaxLength, allowLineBreaks: false))
            .Problem();
        if (invalid is not null)
            return invalid;

        var user = new TodoUser { UserName = email, Email = email, Name = name };
        IdentityResult result;
        try
        {
            result = await users.CreateAsync(user, request.Password!);
        }
        catch (DbUpdateException)
        {
            // Two sign-ups with the same email at the same moment: Identity's check passed for
            // both, the unique index stopped the second.
            return AccountExists();
        }
        if (!result.Succeeded)
        {
            return result.Errors.Any(error => error.Code is "DuplicateEmail" or "DuplicateUserName")
                ? AccountExists()
                : TypedResults.ValidationProblem(IdentityErrorsByField(result.Errors));
        }
        return TypedResults.Created("/api/auth/me", tokens.Issue(user));
    }

    private static async Task<Results<Ok<AuthResponse>, ValidationProblem, ProblemHttpResult>> LoginAsync(
        LoginRequest request, UserManager<TodoUser> users, TodoDbContext db, TokenIssuer tokens)
    {
        if (string.IsNullOrWhiteSpace(request.Email) || string.IsNullOrEmpty(request.Password))
        {
            return FieldErrors.For(string.IsNullOrWhiteSpace(request.Email) ? "email" : "password", "Email and password are required.");
        }

        var email = request.Email.Trim();
        if (CheckEmail(email) is { } emailError)
            return FieldErrors.For("email", emailError);

        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            // Spend the time a real check would, so response times don't reveal which emails exist.
            users.PasswordHasher.VerifyHashedPassword(new TodoUser(), TimingDecoy.Hash, request.Password);
            return InvalidCredentials();
        }

        if (await users.IsLockedOutAsync(user))
            return LockedOut(await users.GetLockoutEndDateAsync(user));
        if (!await users.CheckPasswordAsync(user, request.Password))
        {
            // Counts towards lockout (Identity's MaxFailedAccessAttempts); the attempt that
            // reaches the limit is already answered as locked.
            await RecordFailedAttemptAsync(users, db, user);
            return await users.IsLockedOutAsync(user) ? LockedOut(await users.GetLockoutEndDateAsync(user)) : InvalidCredentials();
        }
        await users.ResetAccessFailedCountAsync(user);
        return TypedResults.Ok(tokens.Issue(user));
    }

    private static async Task<Results<Ok<UserDto>, ProblemHttpResult>> MeAsync(ClaimsPrincipal principal, UserManager<TodoUser> users)
    {
        var user = await users.FindByIdAsync(principal.GetUserId());
        return user is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized", detail: "This account no longer exists.")
            : TypedResults.Ok(user.ToDto());
    }

    /// <summary>
    /// Counts a failed attempt even when attempts run in parallel: Identity's update is guarded by
    /// a concurrency stamp, so a lost race is retried on the fresh row instead of being dropped
    /// (otherwise a burst of parallel guesses would never lock the account).
    /// </summary>
    private static async Task RecordFailedAttemptAsync(UserManager<TodoUser> users, TodoDbContext db, TodoUser user)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            if ((await users.AccessFailedAsync(user)).Succeeded)
                return;
            await db.Entry(user).ReloadAsync();
        }
    }

    /// <summary>
    /// What an email must be before it reaches the database: it is looked up and stored as text,
    /// so NUL (which PostgreSQL text cannot hold: a 500), other control characters, broken Unicode
    /// and anything longer than Identity's column are refused here, on sign-up and sign-in alike.
    /// </summary>
    private static string? CheckEmail(string email) =>
        TextRules.Check(email, "Email", AccountRules.EmailMaxLength, allowLineBreaks: false);

    private static ProblemHttpResult AccountExists() =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Account exists",
            detail: "An account with this email already exists. Sign in instead.");

    private static ProblemHttpResult LockedOut(DateTimeOffset? lockoutEnd)
    {
        var minutes = Math.Max(1, (int)Math.Ceiling(((lockoutEnd ?? DateTimeOffset.UtcNow) - DateTimeOffset.UtcNow).TotalMinutes));
        return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Account locked",
            detail: string.Create(CultureInfo.InvariantCulture,
                $"Too many failed sign-in attempts. Try again in {minutes} minute{(minutes == 1 ? "" : "s")}."));
    }

    private static ProblemHttpResult InvalidCredentials() =>
        TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed", detail: "Invalid email or password.");

    /// <summary>Sorts Identity's errors under the field a form would show them beside.</summary>
    private static Dictionary<string, string[]> IdentityErrorsByField(IEnumerable<IdentityError> errors) =>
        errors
            .GroupBy(error => error.Code switch
            {
                var code when code.StartsWith("Password", StringComparison.Ordinal) => "password",
                var code when code.Contains("Email", StringComparison.Ordinal) || code.Contains("UserName", StringComparison.Ordinal) => "email",
                _ => "account",
            })
            .ToDictionary(group => group.Key, group => group.Select(error => error.Description).ToArray());

    private static class TimingDecoy
    {
        public static readonly string Hash = new PasswordHasher<TodoUser>().HashPassword(new TodoUser(), Guid.NewGuid().ToString());
    }
}
