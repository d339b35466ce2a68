using System.Text.Json;

namespace TodoChatbot.Api.Mcp;

/// <summary>
/// Checks a tool call's arguments against the tool's own input schema before the tool runs, so that
/// a missing or mistyped argument is answered with its name and what is expected, instead of the
/// binder's exception ("An error occurred invoking 'complete_task'", logged as unhandled).
/// Arguments the schema does not name are left to the tool, which ignores them.
/// </summary>
public static class ToolArguments
{
    /// <summary>The first problem with <paramref name="arguments"/>, or null when they fit.</summary>
    public static string? Check(JsonElement inputSchema, IDictionary<string, JsonElement>? arguments)
    {
        arguments ??= new Dictionary<string, JsonElement>();
        if (inputSchema.TryGetProperty("required", out var required))
        {
            foreach (var name in required.EnumerateArray().Select(n => n.GetString()!))
            {
                if (!arguments.TryGetValue(name, out var value) || value.ValueKind == JsonValueKind.Null)
                    return $"{name} is required.";
            }
        }
        if (!inputSchema.TryGetProperty("properties", out var properties))
            return null;
        foreach (var (name, value) in arguments)
        {
            if (properties.TryGetProperty(name, out var property) && !Fits(property, value))
                return $"{name} must be {Expected(property)}, not {Describe(value)}.";
        }
        return null;
    }

    private static bool Fits(JsonElement property, JsonElement value) => Types(property).Any(type => type switch
    {
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out _),
        "number" => value.ValueKind == JsonValueKind.Number,
        "string" => value.ValueKind == JsonValueKind.String,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "null" => value.ValueKind == JsonValueKind.Null,
        "array" => value.ValueKind == JsonValueKind.Array,
        "object" => value.ValueKind == JsonValueKind.Object,
        _ => true,
    });

    private static string[] Types(JsonElement property) => !property.TryGetProperty("type", out var type) ? []
        : type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToArray()
        : [type.GetString()!];

    private static string Expected(JsonElement property)
    {
        var types = Types(property).Where(type => type != "null").ToArray();
        var expected = string.Join(" or ", types.Select(type => type switch
        {
            "integer" => "a whole number (a task number such as 3)",
            "string" => "text",
            _ => $"a {type}",
        }));
        return Types(property).Contains("null") ? $"{expected} (or left out)" : expected;
    }

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => JsonSerializer.Serialize(value.GetString() is { Length: > 40 } text ? text[..40] + "…" : value.GetString()),
        JsonValueKind.Number => $"the number {value.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        JsonValueKind.Null => "null",
        JsonValueKind.Array => "a list",
        _ => "an object",
    };
}
