using Xunit;

namespace TodoChatbot.Testing;

/// <summary>
/// The rule for tests that need a real server, engine or browser: on a developer's machine a
/// missing one skips the test with the reason; under CI=true it fails loudly, because a quietly
/// skipped test there would report a green run that proved nothing.
/// </summary>
public static class TestEnvironment
{
    public static bool IsCI =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Skips (locally) or fails (CI) when <paramref name="unavailableReason"/> is not null.</summary>
    public static void Require(string? unavailableReason)
    {
        if (unavailableReason is null)
            return;
        if (IsCI)
            Assert.Fail($"Required under CI=true but unavailable: {unavailableReason}");
        Assert.Skip(unavailableReason);
    }
}
