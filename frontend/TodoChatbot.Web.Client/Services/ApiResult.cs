using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TodoChatbot.Contracts;

namespace TodoChatbot.Web.Client.Services;

/// <summary>A problem the server reported, ready to show: its message and any per-field errors.</summary>
public sealed record ApiProblem(int Status, string Message, IReadOnlyDictionary<string, string[]> FieldErrors)
{
    public static readonly ApiProblem Unreachable = new(0, ServiceMessages.Unreachable, new Dictionary<string, string[]>());

    public bool IsUnauthorized => Status == (int)HttpStatusCode.Unauthorized;
    public bool IsUnavailable => Status is 0 or 502 or 503 or 504;

    /// <summary>The first error for <paramref name="field"/>, if the server named one.</summary>
    public string? For(string field) => FieldErrors.TryGetValue(field, out var messages) && messages.Length > 0 ? messages[0] : null;

    /// <summary>Reads an RFC 7807 body; any other body still gives a readable message.</summary>
    public static async Task<ApiProblem> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken = default)
    {
        var status = (int)response.StatusCode;
        try
        {
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
            var errors = problem.TryGetProperty("errors", out var list) && list.ValueKind == JsonValueKind.Object
                ? list.EnumerateObject().ToDictionary(
                    field => field.Name,
                    field => field.Value.ValueKind == JsonValueKind.Array ? field.Value.EnumerateArray().Select(m => m.GetString() ?? "").ToArray() : [])
                : [];
            var message = Text(problem, "detail") ?? errors.Values.SelectMany(m => m).FirstOrDefault() ?? Text(problem, "title") ?? Fallback(status);
            return new ApiProblem(status, message, errors);
        }
        catch (JsonException)
        {
            return new ApiProblem(status, Fallback(status), new Dictionary<string, string[]>());
        }
    }

    private static string? Text(JsonElement problem, string name) =>
        problem.ValueKind == JsonValueKind.Object && problem.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Fallback(int status) => status switch
    {
        401 => "Please sign in again.",
        502 or 503 or 504 => ServiceMessages.Unreachable,
        >= 500 => "Something went wrong on the server. Try again.",
        _ => "The request could not be completed.",
    };
}

/// <summary>Either a value or the problem that prevented it.</summary>
public readonly record struct ApiResult<T>(T? Value, ApiProblem? Problem)
{
    public bool Ok => Problem is null;

    public static implicit operator ApiResult<T>(T value) => new(value, null);
    public static implicit operator ApiResult<T>(ApiProblem problem) => new(default, problem);
}

internal static class HttpClientJson
{
    public static async Task<ApiResult<T>> SendAsync<T>(this HttpClient http, HttpRequestMessage request, CancellationToken cancellationToken = default)
    {
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
                return await ApiProblem.ReadAsync(response, cancellationToken);
            if (response.StatusCode == HttpStatusCode.NoContent || typeof(T) == typeof(bool))
                return (T)(object)true;
            return (await response.Content.ReadFromJsonAsync<T>(ContractJson.Options, cancellationToken))!;
        }
        catch (HttpRequestException)
        {
            return ApiProblem.Unreachable;
        }
    }

    public static HttpRequestMessage Json(HttpMethod method, string url, object? body = null) => new(method, url)
    {
        Content = body is null ? null : JsonContent.Create(body, body.GetType(), options: ContractJson.Options),
    };
}
