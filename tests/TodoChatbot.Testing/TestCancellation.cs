using Xunit;

namespace TodoChatbot.Testing;

/// <summary>
/// The running test's cancellation token, for every call a test makes: xunit cancels it when the
/// test times out or the run is stopped, so nothing outlives its test. The test projects import it
/// with a global static using, so a test class writes just <c>Cancellation</c>.
/// </summary>
public static class TestCancellation
{
    public static CancellationToken Cancellation => TestContext.Current.CancellationToken;
}
