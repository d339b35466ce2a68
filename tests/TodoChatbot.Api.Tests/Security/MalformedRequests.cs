using System.Globalization;
using System.Text;

namespace TodoChatbot.Api.Tests.Security;

/// <summary>
/// One malformed request. <see cref="Path"/> holds {user}, {task} and {conversation} placeholders;
/// <see cref="Body"/> is raw bytes (so it can be invalid UTF-8); <see cref="Mcp"/> marks the MCP
/// endpoint, whose protocol answers some errors itself (JSON-RPC errors, tool errors);
/// <see cref="RefusedByServer"/> marks requests Kestrel itself refuses before any application code
/// runs (a NUL in the path, a request line over 8 KB), with a bare 400 or 414 no app can reshape.
/// </summary>
public sealed record MalformedRequest(string Method, string Path, byte[]? Body, string? ContentType, bool Mcp = false, bool RefusedByServer = false);

/// <summary>
/// Generates the bad-input sweep: for every endpoint, wrong JSON types per field, broken JSON
/// syntax, bodies over the size limit, invalid UTF-8, deep nesting, forbidden characters (NUL,
/// escape codes, lone surrogates), over-long values, wrong content types, and for the routes with
/// ids or a query, ids and query values that are not what the route takes. Every request here
/// must be refused (4xx problem details) and must leave the database as it was.
/// </summary>
public static class MalformedRequests
{
    private const string Json = "application/json";

    /// <summary>An endpoint with a JSON body: where it is, and a valid body as field → raw JSON value.</summary>
    private sealed record BodyEndpoint(string Name, string Method, string Path, (string Field, string Kind, string ValidJson)[] Fields, int[]? MaxLengths = null);

    private static readonly BodyEndpoint[] BodyEndpoints =
    [
        new("register", "POST", "/api/auth/register",
            [("email", "string", "\"sweep-register@example.com\""), ("password", "string", "\"long enough password\""), ("name", "string", "\"Sweep\"")]),
        new("login", "POST", "/api/auth/login",
            [("email", "string", "\"sweep-login@example.com\""), ("password", "string", "\"long enough password\"")]),
        new("create task", "POST", "/api/{user}/tasks",
            [("title", "string", "\"Swept\""), ("description", "string", "\"details\"")]),
        new("update task", "PUT", "/api/{user}/tasks/{task}",
            [("title", "string", "\"Swept\""), ("description", "string", "\"details\""), ("completed", "bool", "true")]),
        new("chat", "POST", "/api/{user}/chat",
            [("conversation_id", "int", "{conversation}"), ("message", "string", "\"add a task to sweep\"")]),
    ];

    /// <summary>Values of the wrong JSON type for a field of each kind.</summary>
    private static readonly Dictionary<string, string[]> WrongTypes = new()
    {
        ["string"] = ["42", "true", "[\"x\"]", "{\"a\":1}", "1e400"],
        ["bool"] = ["\"yes\"", "1", "[true]", "{}", "null1"],
        ["int"] = ["\"abc\"", "1.5", "true", "[1]", "99999999999"],
    };

    /// <summary>Strings no field accepts: the JSON text of each, and what it is.</summary>
    private static readonly (string Name, string Json)[] ForbiddenStrings =
    [
        ("NUL", "\"a\\u0000b\""),
        ("escape code", "\"\\u001b[31mred\""),
        ("lone high surrogate", "\"a\\ud800b\""),
        ("lone low surrogate", "\"\\udc00\""),
        ("reversed surrogate pair", "\"\\ude00\\ud83d\""),
    ];

    /// <summary>Over-long values per field (one more than the limit).</summary>
    private static readonly Dictionary<string, int> OverLong = new()
    {
        ["title"] = 201,
        ["description"] = 1001,
        ["message"] = 2001,
        ["name"] = 101,
        ["email"] = 257,
    };

    /// <summary>Whole bodies that are not a JSON object of the right shape.</summary>
    private static readonly (string Name, string Text)[] BrokenSyntax =
    [
        ("empty body", ""),
        ("whitespace only", "   \n "),
        ("null", "null"),
        ("an array", "[]"),
        ("a string", "\"hello\""),
        ("a number", "42"),
        ("truncated", "{\"a\":"),
        ("trailing garbage", "{}}x"),
        ("single quotes", "{'title':'x'}"),
        ("a comment", "/* hi */ {}"),
        ("trailing comma", "{\"a\":1,}"),
        ("NaN", "{\"a\":NaN}"),
        ("unquoted key", "{title:\"x\"}"),
    ];

    private static readonly (string Name, byte[] Bytes)[] InvalidUtf8 =
    [
        ("invalid byte 0xFF", [0xFF]),
        ("truncated sequence", [0xC3]),
        ("overlong slash", [0xC0, 0xAF]),
        ("encoded surrogate", [0xED, 0xA0, 0x80]),
        ("code point above U+10FFFF", [0xF4, 0x90, 0x80, 0x80]),
    ];

    private static readonly (string Name, string Segment)[] BadIds =
    [
        ("negative", "-1"),
        ("zero", "0"),
        ("overflowing", "2147483648"),
        ("huge", "99999999999999999999999"),
        ("decimal", "1.5"),
        ("exponent", "1e3"),
        ("hex", "0x10"),
        ("NUL", "%00"),
        ("SQL", "1%20OR%201%3D1"),
        ("statement", "1;DROP%20TABLE%20tasks"),
        ("Arabic-Indic digit", "%D9%A1"),
        ("encoded traversal", "..%2F..%2Fauth%2Fme"),
    ];

    private static readonly (string Name, string Method, string Path, string? Body)[] IdRoutes =
    [
        ("get task", "GET", "/api/{user}/tasks/{id}", null),
        ("update task", "PUT", "/api/{user}/tasks/{id}", "{\"title\":\"Swept\"}"),
        ("delete task", "DELETE", "/api/{user}/tasks/{id}", null),
        ("complete task", "PATCH", "/api/{user}/tasks/{id}/complete", null),
        ("list messages", "GET", "/api/{user}/conversations/{id}/messages", null),
    ];

    private static readonly (string Name, string Query)[] BadStatusQueries =
    [
        ("unknown", "done"),
        ("SQL", "pending'%20OR%20'1'%3D'1"),
        ("NUL", "pending%00"),
        ("script", "%3Cscript%3Ealert(1)%3C%2Fscript%3E"),
        ("10 000 characters", new string('a', 10_000)),
        ("two values", "pending&status=completed"),
    ];

    public static IReadOnlyDictionary<string, MalformedRequest> All { get; } = Generate();

    private static Dictionary<string, MalformedRequest> Generate()
    {
        var cases = new Dictionary<string, MalformedRequest>();
        void Add(string name, MalformedRequest request) => cases.Add(name, request);

        foreach (var endpoint in BodyEndpoints)
        {
            string BodyWith(string field, string rawValue) =>
                "{" + string.Join(",", endpoint.Fields.Select(f => $"\"{f.Field}\":{(f.Field == field ? rawValue : f.ValidJson)}")) + "}";
            MalformedRequest Request(string body, string? contentType = Json) =>
                new(endpoint.Method, endpoint.Path, Encoding.UTF8.GetBytes(body), contentType);

            foreach (var (field, kind, _) in endpoint.Fields)
            {
                foreach (var wrong in WrongTypes[kind])
                    Add($"{endpoint.Name}: {field} = {wrong}", Request(BodyWith(field, wrong)));
                if (kind != "string")
                    continue;
                foreach (var (what, json) in ForbiddenStrings.Where(_ => field != "password"))
                    Add($"{endpoint.Name}: {field} with {what}", Request(BodyWith(field, json)));
                if (OverLong.TryGetValue(field, out var length))
                    Add($"{endpoint.Name}: {field} of {length} characters", Request(BodyWith(field, $"\"{LongValue(field, length)}\"")));
            }
            foreach (var required in endpoint.Fields.Where(f => f.Field is "email" or "password" or "title" or "message"))
                Add($"{endpoint.Name}: {required.Field} = null", Request(BodyWith(required.Field, "null")));
            foreach (var (what, text) in BrokenSyntax)
                Add($"{endpoint.Name}: {what}", Request(text));
            var firstString = endpoint.Fields.First(f => f.Kind == "string").Field;
            foreach (var (what, bytes) in InvalidUtf8)
                Add($"{endpoint.Name}: invalid UTF-8 ({what})", new(endpoint.Method, endpoint.Path, InvalidUtf8Body(endpoint, firstString, bytes), Json));
            Add($"{endpoint.Name}: nested 65 deep", Request(BodyWith(firstString, Nested(65))));
            Add($"{endpoint.Name}: nested 10 000 deep", Request(BodyWith(firstString, Nested(10_000))));
            Add($"{endpoint.Name}: 70 KB body", Request(BodyWith(firstString, $"\"{new string('a', 70_000)}\"")));
            Add($"{endpoint.Name}: 1 MB body", Request(BodyWith(firstString, $"\"{new string('a', 1_000_000)}\"")));
            Add($"{endpoint.Name}: 5 000 extra properties", Request("{" + string.Join(",", Enumerable.Range(0, 5_000).Select(i => $"\"p{i}\":{i}")) + "," + BodyWith(firstString, "42")[1..]));
            Add($"{endpoint.Name}: text/plain", Request(BodyWith("none", ""), "text/plain"));
            Add($"{endpoint.Name}: form-encoded", Request("title=x&message=y", "application/x-www-form-urlencoded"));
            Add($"{endpoint.Name}: XML", Request("<title>x</title>", "application/xml"));
            Add($"{endpoint.Name}: no content type", Request(BodyWith("none", ""), null));
        }

        foreach (var (route, method, path, body) in IdRoutes)
        {
            foreach (var (what, segment) in BadIds)
                Add($"{route}: id {what}", new(method, path.Replace("{id}", segment, StringComparison.Ordinal),
                    body is null ? null : Encoding.UTF8.GetBytes(body), body is null ? null : Json, RefusedByServer: segment == "%00"));
        }
        foreach (var (what, query) in BadStatusQueries)
            Add($"list tasks: status {what}", new("GET", $"/api/{{user}}/tasks?status={query}", null, null, RefusedByServer: query.Length > 8_000));
        foreach (var (what, segment) in new[] { ("NUL", "%00"), ("5 000 characters", new string('u', 5_000)), ("SQL", "x'%20OR%20'1'%3D'1"), ("empty", "%20") })
            Add($"list tasks: user id {what}", new("GET", $"/api/{segment}/tasks", null, null, RefusedByServer: segment == "%00"));

        foreach (var (name, request) in McpRequests())
            Add($"mcp: {name}", request);
        return cases;
    }

    private static IEnumerable<(string, MalformedRequest)> McpRequests()
    {
        static MalformedRequest Mcp(string body, string? contentType = Json) => new("POST", "/mcp", Encoding.UTF8.GetBytes(body), contentType, Mcp: true);
        static string Call(string tool, string arguments) =>
            $"{{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{{\"name\":\"{tool}\",\"arguments\":{arguments}}}}}";

        foreach (var (what, text) in BrokenSyntax)
            yield return (what, Mcp(text));
        foreach (var (what, bytes) in InvalidUtf8)
            yield return ($"invalid UTF-8 ({what})", new("POST", "/mcp",
                [.. Encoding.UTF8.GetBytes(Call("add_task", "{\"title\":\"a")), .. bytes, .. Encoding.UTF8.GetBytes("\"}")], Json, Mcp: true));
        yield return ("jsonrpc 1.0", Mcp("{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"tools/list\"}"));
        yield return ("unknown method", Mcp("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tasks/drop\"}"));
        yield return ("unknown tool", Mcp(Call("drop_table", "{}")));
        yield return ("no params", Mcp("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\"}"));
        yield return ("arguments as an array", Mcp(Call("add_task", "[\"x\"]")));
        yield return ("title a number", Mcp(Call("add_task", "{\"title\":42}")));
        yield return ("title an object", Mcp(Call("add_task", "{\"title\":{\"a\":1}}")));
        yield return ("no title", Mcp(Call("add_task", "{}")));
        foreach (var (what, json) in ForbiddenStrings)
            yield return ($"title with {what}", Mcp(Call("add_task", $"{{\"title\":{json}}}")));
        yield return ("title of 201 characters", Mcp(Call("add_task", $"{{\"title\":\"{new string('t', 201)}\"}}")));
        yield return ("description of 1001 characters", Mcp(Call("add_task", $"{{\"title\":\"x\",\"description\":\"{new string('d', 1001)}\"}}")));
        yield return ("task_id a string", Mcp(Call("complete_task", "{\"task_id\":\"abc\"}")));
        yield return ("task_id overflowing", Mcp(Call("delete_task", "{\"task_id\":99999999999}")));
        yield return ("task_id decimal", Mcp(Call("delete_task", "{\"task_id\":1.5}")));
        yield return ("status SQL", Mcp(Call("list_tasks", "{\"status\":\"' OR 1=1 --\"}")));
        yield return ("update without changes", Mcp(Call("update_task", "{\"task_id\":1}")));
        yield return ("nested 10 000 deep", Mcp(Call("add_task", $"{{\"title\":{Nested(10_000)}}}")));
        yield return ("70 KB body", Mcp(Call("add_task", $"{{\"title\":\"{new string('a', 70_000)}\"}}")));
        yield return ("text/plain", Mcp(Call("add_task", "{\"title\":\"x\"}"), "text/plain"));
    }

    private static byte[] InvalidUtf8Body(BodyEndpoint endpoint, string field, byte[] bytes)
    {
        var before = "{" + string.Join(",", endpoint.Fields.TakeWhile(f => f.Field != field).Select(f => $"\"{f.Field}\":{f.ValidJson}").Append($"\"{field}\":\"a"));
        var after = "b\"" + string.Concat(endpoint.Fields.SkipWhile(f => f.Field != field).Skip(1).Select(f => $",\"{f.Field}\":{f.ValidJson}")) + "}";
        return [.. Encoding.UTF8.GetBytes(before), .. bytes, .. Encoding.UTF8.GetBytes(after)];
    }

    private static string LongValue(string field, int length) =>
        field == "email" ? new string('e', length - "@example.com".Length) + "@example.com" : new string('x', length);

    private static string Nested(int depth) => new string('[', depth) + new string(']', depth);

    public static string Fill(string text, string userId, int taskId, int conversationId) => text
        .Replace("{user}", userId, StringComparison.Ordinal)
        .Replace("{task}", taskId.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{conversation}", conversationId.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
}
