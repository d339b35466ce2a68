using TodoChatbot.Api.Chat;

namespace TodoChatbot.Api.Tests.Chat;

/// <summary>
/// How a provider's failure is named when the exception is not the usual one. A connection dropped
/// halfway through the answer surfaces either as an HttpRequestException or, when the body is being
/// read, as the transport's IOException; CI once saw the second as "something went wrong".
/// </summary>
public class ProviderFailureTests
{
    [Fact]
    public void A_connection_reset_while_the_answer_is_read_is_unreachable()
    {
        var reset = new IOException("Unable to read data from the transport connection: Connection reset by peer.",
            new System.Net.Sockets.SocketException(104));

        var (reply, reason, kind) = ProviderFailure.Describe(new InvalidOperationException("wrapped", reset));

        Assert.Equal("unreachable", kind);
        Assert.Contains("can't reach", reply, StringComparison.Ordinal);
        Assert.Contains("Connection reset by peer", reason, StringComparison.Ordinal);
    }
}
