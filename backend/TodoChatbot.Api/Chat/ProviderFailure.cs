using System.ClientModel;
using System.Text.Json;
using Polly.Timeout;
using TodoChatbot.ServiceDefaults;

namespace TodoChatbot.Api.Chat;

/// <summary>
/// Turns a failure of the language model provider into words for the person chatting (nothing
/// about keys or internals), a short reason for the operator's log, and a one-word kind for the
/// <c>todo.llm.failures</c> metric's <c>reason</c> label (a closed set, unlike the log's reason).
/// </summary>
public static class ProviderFailure
{
    public static (string Reply, string Reason, string Kind) Describe(Exception exception)
    {
        var status = exception.Find<ClientResultException>()?.Status ?? 0;
        if (status is 401 or 403)
            return ("I can't reach my language model right now: the provider refused my credentials. Your tasks are safe; please tell the administrator.", $"HTTP {status}: check Llm__ApiKey", "credentials_refused");
        if (status == 429)
            return ("I'm getting too many requests right now. Please try again in a minute.", "HTTP 429: provider rate limit", "rate_limited");
        if (status >= 500)
            return ("My language model provider is having trouble right now. Please try again shortly.", $"HTTP {status} from the provider", "provider_error");
        if (status >= 400)
            return ("My language model provider refused the request. Please try again later.", $"HTTP {status}: check Llm__Model and Llm__BaseUrl", "request_refused");
        if (exception.Find<TimeoutRejectedException>() is not null || exception.Find<TimeoutException>() is not null || exception.Find<OperationCanceledException>() is not null)
            return ("I took too long to answer. Please try again.", "timed out (Llm__TimeoutSeconds)", "timeout");
        if (exception.Find<HttpRequestException>() is { } http)
            return ("I can't reach my language model right now. Please try again shortly.", $"unreachable: {http.Message}", "unreachable");
        // A connection dropped while the answer's body is read surfaces as the transport's IOException
        // ("Connection reset by peer"), not as an HttpRequestException: the provider is unreachable all the same.
        if (exception.Find<IOException>() is { } transport)
            return ("I can't reach my language model right now. Please try again shortly.", $"unreachable: {transport.Message}", "unreachable");
        // Valid JSON of the wrong shape (a completion with no choices) is malformed too: the OpenAI
        // SDK reads Choices[0] unchecked, so it surfaces as an index error, not as a JsonException.
        if (exception.Find<JsonException>() is not null || exception.Find<FormatException>() is not null
            || exception.Find<ArgumentOutOfRangeException>() is not null || exception.Find<IndexOutOfRangeException>() is not null)
            return ("I got an answer I couldn't understand from my language model. Please try again.", $"malformed response: {exception.GetType().Name}", "malformed_response");
        return ("Something went wrong while I was thinking. Please try again.", $"{exception.GetType().Name}: {exception.Message}", "other");
    }
}
