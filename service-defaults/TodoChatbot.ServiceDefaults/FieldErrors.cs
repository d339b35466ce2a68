using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace TodoChatbot.ServiceDefaults;

/// <summary>
/// Messages about a request's fields, answered as one 400 validation problem (the <c>errors</c>
/// member of RFC 9457 problem details, by field name as the request spells it).
/// </summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, string[]> _errors = [];

    /// <summary>Records <paramref name="message"/> for <paramref name="field"/>; a null message is no error.</summary>
    public FieldErrors Add(string field, string? message)
    {
        if (message is not null && !_errors.ContainsKey(field))
            _errors[field] = [message];
        return this;
    }

    /// <summary>The problem to answer, or null when every field was fine.</summary>
    public ValidationProblem? Problem() => _errors.Count == 0 ? null : TypedResults.ValidationProblem(_errors);

    /// <summary>The problem for a single field.</summary>
    public static ValidationProblem For(string field, string message) => new FieldErrors().Add(field, message).Problem()!;
}
