using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.Unicode;

namespace TodoChatbot.Contracts;

/// <summary>
/// The JSON conventions of the API (snake_case names, as in the specification's contract:
/// <c>user_id</c>, <c>conversation_id</c>, <c>created_at</c>). Every client and the server
/// configure their serializers through this one method so the wire format cannot drift.
/// </summary>
public static class ContractJson
{
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.DictionaryKeyPolicy = null;
        options.PropertyNameCaseInsensitive = true;
        return options;
    }

    /// <summary>
    /// <see cref="Configure"/> plus the encoder for the API's HTTP responses. ASP.NET Core's default
    /// writes &lt;, &gt;, &amp; and quotes raw ("relaxed" escaping), so a task titled
    /// <c>&lt;script&gt;</c> went out as markup inside the JSON; this encoder escapes those
    /// (<c>\u003C</c>) so no stored text is ever parseable as HTML, even by a client that sniffs
    /// or embeds a response, while letting every other Unicode character through readable.
    /// </summary>
    public static JsonSerializerOptions ConfigureForResponses(JsonSerializerOptions options)
    {
        Configure(options).Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
        return options;
    }

    /// <summary>Ready-made options for clients that are not ASP.NET Core apps (tests, tools).</summary>
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        // Explicit, so the options can be made read-only (Microsoft.Extensions.AI does) and still work.
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
    });
}
