using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace TodoChatbot.ServiceDefaults;

/// <summary>
/// Turns the framework's bad-request exceptions into the status and reason a client can act on.
/// Minimal APIs wrap body-read failures: a body over Kestrel's limit arrives as a 400 "failed to
/// read parameter" around the real 413, and a JSON syntax or type error hides its location in an
/// inner <see cref="JsonException"/>.
/// </summary>
internal static class BadRequests
{
    public static int StatusCode(BadHttpRequestException exception) => Innermost(exception).StatusCode;

    public static string Detail(BadHttpRequestException exception)
    {
        var innermost = Innermost(exception);
        if (innermost.StatusCode == StatusCodes.Status413PayloadTooLarge)
            return innermost.Message;
        if (exception.InnerException?.Find<JsonException>() is { } json)
            return string.IsNullOrEmpty(json.Path) || json.Path == "$"
                ? "The request body is not valid JSON for this endpoint."
                : $"The request body is not valid JSON for this endpoint: check the value at {json.Path}.";
        // The framework's wording for an empty body addresses the developer ("did you mean to use
        // a service?"); the client needs to hear what to send.
        if (innermost.Message.Contains("no body was provided", StringComparison.Ordinal))
            return "A JSON request body is required.";
        return innermost.Message;
    }

    /// <summary>Minimal APIs answer an over-limit body with a bare 413; name the limit.</summary>
    public static string TooLargeDetail(HttpContext context) =>
        context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize is { } limit
            ? $"The request body is larger than the {limit} bytes this service accepts."
            : "The request body is larger than this service accepts.";

    private static BadHttpRequestException Innermost(BadHttpRequestException exception) =>
        exception.InnerException is BadHttpRequestException inner ? Innermost(inner) : exception;
}
