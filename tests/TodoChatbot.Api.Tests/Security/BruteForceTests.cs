namespace TodoChatbot.Api.Tests.Security;

/// <summary>
/// Password guessing against the shipped defaults (10 sign-in attempts a minute per client address,
/// lockout after 5 wrong passwords). RateLimitTests proves the limiter with a limit of 3 and
/// AuthTests the lockout; this runs a real guessing campaign (one account, then many accounts,
/// then with a forged X-Forwarded-For on every request) and counts how many guesses got through.
/// </summary>
public sealed class BruteForceTests(BruteForceTests.DefaultLimitsFactory factory)
    : ApiTestBase(factory), IClassFixture<BruteForceTests.DefaultLimitsFactory>
{
    private const int DocumentedLimit = 10;

    [Fact]
    public async Task A_guessing_campaign_gets_at_most_the_documented_attempts_and_never_a_token()
    {
        var victim = await RegisterAsync(UniqueEmail("victim")); // one of the window's attempts
        using var client = AnonymousClient();
        var guesses = Enumerable.Range(0, 40).Select(i => $"guess-{i:D3}").ToList();
        guesses[25] = victim.Password; // the right password, late in the list
        var sprayTargets = Enumerable.Range(0, 10).Select(_ => UniqueEmail("spray")).ToList();

        var answers = new List<HttpResponseMessage>();
        foreach (var (guess, index) in guesses.Select((guess, index) => (guess, index)))
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login")
            {
                Content = JsonContent.Create(new LoginRequest(victim.Email, guess), options: Json),
            };
            // Rotating the claimed client address must not buy a fresh window.
            request.Headers.Add("X-Forwarded-For", $"203.0.113.{index}");
            answers.Add(await client.SendAsync(request, Cancellation));
        }
        foreach (var email in sprayTargets)
            answers.Add(await client.PostAsJsonAsync("/api/auth/login", new LoginRequest(email, "Summer2026!"), Json, Cancellation));
        answers.Add(await client.PostAsJsonAsync("/api/auth/register", new RegisterRequest(UniqueEmail("late"), "long enough password"), Json, Cancellation));

        Assert.DoesNotContain(answers, response => response.IsSuccessStatusCode);
        var throttled = answers.Count(response => response.StatusCode == HttpStatusCode.TooManyRequests && response.Headers.RetryAfter is not null);
        var answeredAtAll = answers.Count(response => response.StatusCode != HttpStatusCode.TooManyRequests);
        // The registration above used one attempt of the window.
        Assert.True(answeredAtAll <= DocumentedLimit - 1, $"{answeredAtAll} of {answers.Count} attempts were evaluated");
        // Lockout answers the guesses that got through after the fifth wrong one: at most four 401s.
        Assert.True(answers.Count(r => r.StatusCode == HttpStatusCode.Unauthorized) <= 4 + sprayTargets.Count);
        Assert.True(throttled >= answers.Count - DocumentedLimit, $"only {throttled} throttled");
        foreach (var response in answers)
        {
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
                await AssertProblemAsync(response, HttpStatusCode.TooManyRequests);
        }
    }

    /// <summary>
    /// The documented default sign-in limit, set again here because ApiFactory raises it for every
    /// other test; on SQLite.
    /// </summary>
    public sealed class DefaultLimitsFactory : SqliteApiFactory
    {

        protected override IReadOnlyDictionary<string, string> ExtraSettings { get; } = new Dictionary<string, string>
        {
            ["RateLimiting:Auth:PermitLimit"] = DocumentedLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RateLimiting:Auth:WindowSeconds"] = "60",
        };
    }
}
