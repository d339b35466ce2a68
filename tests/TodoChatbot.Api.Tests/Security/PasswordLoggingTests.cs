using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TodoChatbot.Api.Tests.Security;

/// <summary>
/// Every password a client sends, on every sign-in path and every way it can go wrong, is absent
/// from the service's logs, captured at the most verbose level (Trace, every category) so that
/// nothing a stricter production level would hide is missed.
/// </summary>
public sealed class PasswordLoggingTests(PasswordLoggingTests.TraceLoggingFactory factory)
    : ApiTestBase(factory), IClassFixture<PasswordLoggingTests.TraceLoggingFactory>
{
    [Fact]
    public async Task No_password_appears_in_any_log_entry()
    {
        var passwords = new List<string>();
        string Password(string what)
        {
            var password = $"pw-{what}-{Guid.NewGuid():N}";
            passwords.Add(password);
            return password;
        }
        using var client = AnonymousClient();
        async Task PostAsync(string path, string json) =>
            await client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"), Cancellation);

        var email = UniqueEmail("logged");
        var right = Password("right");
        await RegisterAsync(email, right);
        await client.PostAsJsonAsync("/api/auth/login", new LoginRequest(email, right), Json, Cancellation);
        await client.PostAsJsonAsync("/api/auth/login", new LoginRequest(UniqueEmail("nobody"), Password("unknown-account")), Json, Cancellation);
        await client.PostAsJsonAsync("/api/auth/register", new RegisterRequest(email, Password("duplicate")), Json, Cancellation);
        await client.PostAsJsonAsync("/api/auth/register", new RegisterRequest(UniqueEmail(), Password("x")[..7]), Json, Cancellation); // too short
        passwords[^1] = passwords[^1][..7];
        for (var attempt = 0; attempt < 6; attempt++) // into the lockout and beyond
            await client.PostAsJsonAsync("/api/auth/login", new LoginRequest(email, Password($"wrong{attempt}")), Json, Cancellation);
        await client.PostAsJsonAsync("/api/auth/login", new LoginRequest(email, right), Json, Cancellation); // right, while locked
        await PostAsync("/api/auth/login", $$"""{"email":"{{email}}","password":"{{Password("truncated-json")}}" """);
        await PostAsync("/api/auth/login", $$"""{"email":42,"password":"{{Password("wrong-type")}}"}""");
        await PostAsync("/api/auth/register", $$"""{"email":"a\u0000b@example.com","password":"{{Password("nul-email")}}"}""");
        await PostAsync("/api/auth/register", $$"""{"email":"{{UniqueEmail()}}","password":"{{Password("huge")}}{{new string('p', 70_000)}}"}""");
        await PostAsync("/api/auth/login", $$"""{"email":"{{email}}","password":"{{Password("nested")}}","x":{{new string('[', 100)}}{{new string(']', 100)}}}""");

        var entries = factory.Logs.Entries;
        // The capture works and sees requests: the hosting layer logged the sign-in path.
        Assert.Contains(entries, entry => entry.Message.Contains("/api/auth/login", StringComparison.Ordinal));
        Assert.True(passwords.Count >= 15, $"{passwords.Count} passwords");
        foreach (var password in passwords)
        {
            var leaks = entries.Where(entry => entry.Message.Contains(password, StringComparison.Ordinal)).ToList();
            Assert.True(leaks.Count == 0, $"password '{password}' logged by {string.Join(", ", leaks.Select(leak => $"{leak.Category}: {leak.Message}"))}");
        }
    }

    /// <summary>SQLite, every category at Trace, collected in memory.</summary>
    public sealed class TraceLoggingFactory : SqliteApiFactory
    {

        public CollectingLoggerProvider Logs { get; } = new();

        protected override IReadOnlyDictionary<string, string> ExtraSettings { get; } = new Dictionary<string, string>
        {
            ["Logging:LogLevel:Default"] = "Trace",
            ["Logging:LogLevel:Microsoft"] = "Trace",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
        };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton<ILoggerProvider>(Logs));
        }
    }
}
