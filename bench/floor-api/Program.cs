using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.AI;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Npgsql;
using TodoChatbot.Api.Chat;
using TodoChatbot.Api.Chat.Offline;
using TodoChatbot.Contracts;

// The floor of the backend's own stack for bench/load.sh's three requests: the same JWT
// validation, the same SQL work in the fewest round trips raw Npgsql allows, the same JSON on the
// wire (snake_case, the API's escaping) from source-generated serializers, and nothing else: no
// account check, no EF Core, no rate limiter, exception handler, problem details or logging.
//   GET  /api/{user_id}/tasks  one query (the list, ordered by number)
//   POST /api/{user_id}/tasks  one statement (next number and insert, atomic)
//   POST /api/{user_id}/chat   the offline assistant's parser and planner, the list_tasks query it
//                              asks for, then one statement inserting the conversation and both messages
//   POST /pipeline/api/{user_id}/chat  the same turn with the backend's agent pipeline and nothing else of
//                              the backend: the offline assistant behind Microsoft.Extensions.AI's
//                              function invocation, calling a list_tasks AIFunction that runs the same
//                              query (bench/load.sh's "pipeline" path: what the pipeline itself costs)
// Settings: ASPNETCORE_URLS, DATABASE_URL (an Npgsql connection string), JWT_SECRET.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var secret = builder.Configuration["JWT_SECRET"] ?? throw new InvalidOperationException("JWT_SECRET is not set");
var database = builder.Configuration["DATABASE_URL"] ?? throw new InvalidOperationException("DATABASE_URL is not set");

builder.Services.AddSingleton(NpgsqlDataSource.Create(database));
builder.Services.ConfigureHttpJsonOptions(options =>
{
    ContractJson.ConfigureForResponses(options.SerializerOptions);
    options.SerializerOptions.TypeInfoResolverChain.Insert(0, FloorJson.Default);
});
builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(bearer =>
{
    bearer.MapInboundClaims = false;
    bearer.TokenValidationParameters = new TokenValidationParameters
    {
        ValidIssuer = "todo-chatbot",
        ValidAudience = "todo-chatbot",
        IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(secret)),
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        RequireExpirationTime = true,
        RequireSignedTokens = true,
        ClockSkew = TimeSpan.FromSeconds(30),
        NameClaimType = "email",
    };
});
builder.Services.AddAuthorization();
// As the backend composes it (Chat/ChatExtensions.cs): the offline assistant behind function invocation.
builder.Services.AddSingleton<ChatMetrics>();
builder.Services.AddChatClient(services => new OfflineChatClient(services.GetRequiredService<ChatMetrics>())).UseFunctionInvocation();

var app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();
var user = app.MapGroup("/api/{user_id}").RequireAuthorization();
user.MapGet("/tasks", ListAsync);
user.MapPost("/tasks", CreateAsync);
user.MapPost("/chat", ChatAsync);
app.MapGroup("/pipeline/api/{user_id}").RequireAuthorization().MapPost("/chat", ChatThroughPipelineAsync);
await app.RunAsync();

static async Task<IResult> ListAsync(string user_id, HttpContext context, NpgsqlDataSource db)
{
    if (!IsCaller(context, user_id))
        return Results.StatusCode(StatusCodes.Status403Forbidden);
    await using var command = db.CreateCommand(
        "SELECT number, title, description, completed, created_at, updated_at FROM tasks WHERE user_id = $1 ORDER BY number");
    command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = user_id });
    var tasks = new List<TaskDto>();
    await using (var reader = await command.ExecuteReaderAsync(context.RequestAborted))
    {
        while (await reader.ReadAsync(context.RequestAborted))
            tasks.Add(new TaskDto(reader.GetInt32(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.GetBoolean(3), reader.GetDateTime(4), reader.GetDateTime(5)));
    }
    return TypedResults.Json(tasks.ToArray(), Wire.Json.TaskDtoArray);
}

static async Task<IResult> CreateAsync(string user_id, CreateTaskRequest request, HttpContext context, NpgsqlDataSource db)
{
    if (!IsCaller(context, user_id))
        return Results.StatusCode(StatusCodes.Status403Forbidden);
    if (TaskRules.ValidateTitle(request.Title, out var title) is not null || TaskRules.ValidateDescription(request.Description, out var description) is not null)
        return Results.StatusCode(StatusCodes.Status400BadRequest);
    var now = Now();
    await using var command = db.CreateCommand("""
        WITH next AS (
            INSERT INTO task_sequences (user_id, last_number) VALUES ($1, 1)
            ON CONFLICT (user_id) DO UPDATE SET last_number = task_sequences.last_number + 1
            RETURNING last_number)
        INSERT INTO tasks (user_id, number, title, description, completed, created_at, updated_at)
        SELECT $1, last_number, $2, $3, false, $4, $4 FROM next
        RETURNING number
        """);
    command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = user_id });
    command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = title });
    command.Parameters.Add(new NpgsqlParameter { Value = (object?)description ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
    command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = now });
    var number = (int)(await command.ExecuteScalarAsync(context.RequestAborted))!;
    return TypedResults.Json(new TaskDto(number, title, description, false, now, now), Wire.Json.TaskDto,
        statusCode: StatusCodes.Status201Created);
}

static async Task<IResult> ChatAsync(string user_id, ChatRequest request, HttpContext context, NpgsqlDataSource db)
{
    if (!IsCaller(context, user_id))
        return Results.StatusCode(StatusCodes.Status403Forbidden);
    if (request.ConversationId is not null || ChatRules.ValidateMessage(request.Message, out var message) is not null)
        return Results.StatusCode(StatusCodes.Status400BadRequest);
    var started = Now();
    var command = CommandParser.Parse(message);
    var outcomes = new List<ToolOutcome>();
    var calls = new List<ToolCallDto>();
    string reply;
    while (true)
    {
        var step = OfflinePlanner.Next(command, outcomes);
        if (step is Reply text)
        {
            reply = text.Text;
            break;
        }
        // The benchmark's message asks for one list_tasks call; nothing else is served here.
        if (step is not CallTool { Name: ToolNames.ListTasks } call || outcomes.Count > 0)
            return Results.StatusCode(StatusCodes.Status501NotImplemented);
        var status = call.Arguments.GetValueOrDefault("status") as string;
        var result = JsonSerializer.SerializeToElement(await ListSummariesAsync(db, user_id, status, context.RequestAborted), Wire.Json.TaskSummaryArray);
        outcomes.Add(new ToolOutcome(call.Name, result));
        calls.Add(new ToolCallDto(call.Name, JsonSerializer.SerializeToElement(new ListArguments(status), Wire.Json.ListArguments), result));
    }

    var conversationId = await SaveTurnAsync(db, user_id, message, started, reply, calls, context.RequestAborted);
    return TypedResults.Json(new ChatTurnResponse(conversationId, reply, calls), Wire.Json.ChatTurnResponse);
}

static async Task<IResult> ChatThroughPipelineAsync(string user_id, ChatRequest request, HttpContext context, NpgsqlDataSource db, IChatClient assistant)
{
    if (!IsCaller(context, user_id))
        return Results.StatusCode(StatusCodes.Status403Forbidden);
    if (request.ConversationId is not null || ChatRules.ValidateMessage(request.Message, out var message) is not null)
        return Results.StatusCode(StatusCodes.Status400BadRequest);
    var started = Now();
    // The one tool the benchmark's message asks for, made per turn for the caller as the backend makes its tools.
    var listTasks = AIFunctionFactory.Create(
        async (string? status, CancellationToken cancellationToken) =>
            JsonSerializer.SerializeToElement(await ListSummariesAsync(db, user_id, status, cancellationToken), Wire.Json.TaskSummaryArray),
        PipelineTool.Options);
    var response = await assistant.GetResponseAsync(
        [new(ChatRole.System, SystemPrompt.For(DateTimeOffset.UtcNow)), new(ChatRole.User, message)],
        new ChatOptions { Tools = [listTasks], ToolMode = ChatToolMode.Auto }, context.RequestAborted);
    var contents = response.Messages.SelectMany(answer => answer.Contents).ToList();
    var results = contents.OfType<FunctionResultContent>().ToDictionary(result => result.CallId, result => (JsonElement)result.Result!);
    var calls = contents.OfType<FunctionCallContent>()
        .Select(call => new ToolCallDto(call.Name,
            JsonSerializer.SerializeToElement(new ListArguments(StatusOf(call)), Wire.Json.ListArguments),
            results[call.CallId]))
        .ToList();
    var reply = response.Text.Trim();
    var conversationId = await SaveTurnAsync(db, user_id, message, started, reply, calls, context.RequestAborted);
    return TypedResults.Json(new ChatTurnResponse(conversationId, reply, calls), Wire.Json.ChatTurnResponse);
}

static string? StatusOf(FunctionCallContent call) =>
    call.Arguments is { } arguments && arguments.TryGetValue("status", out var status) ? status as string : null;

// One statement: the conversation and both messages.
static async Task<int> SaveTurnAsync(NpgsqlDataSource db, string user_id, string message, DateTime started, string reply,
    List<ToolCallDto> calls, CancellationToken cancellationToken)
{
    var finished = Now();
    await using var insert = db.CreateCommand("""
        WITH conversation AS (
            INSERT INTO conversations (user_id, title, created_at, updated_at) VALUES ($1, $2, $3, $4) RETURNING id)
        INSERT INTO messages (user_id, conversation_id, role, content, tool_calls, created_at)
        SELECT $1, id, 'user', $5, NULL, $3 FROM conversation
        UNION ALL SELECT $1, id, 'assistant', $6, $7, $4 FROM conversation
        RETURNING conversation_id
        """);
    insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = user_id });
    insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = ChatService.TitleFrom(message) });
    insert.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = started });
    insert.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = finished });
    insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = message });
    insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = reply });
    insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = JsonSerializer.Serialize(calls.ToArray(), Wire.Json.ToolCallDtoArray) });
    return (int)(await insert.ExecuteScalarAsync(cancellationToken))!;
}

static async Task<TaskSummary[]> ListSummariesAsync(NpgsqlDataSource db, string userId, string? status, CancellationToken cancellationToken)
{
    await using var command = db.CreateCommand(status switch
    {
        TaskStatusFilter.Pending => "SELECT number, title, completed FROM tasks WHERE user_id = $1 AND NOT completed ORDER BY number",
        TaskStatusFilter.Completed => "SELECT number, title, completed FROM tasks WHERE user_id = $1 AND completed ORDER BY number",
        _ => "SELECT number, title, completed FROM tasks WHERE user_id = $1 ORDER BY number",
    });
    command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = userId });
    var tasks = new List<TaskSummary>();
    await using var reader = await command.ExecuteReaderAsync(cancellationToken);
    while (await reader.ReadAsync(cancellationToken))
        tasks.Add(new TaskSummary(reader.GetInt32(0), reader.GetString(1), reader.GetBoolean(2)));
    return [.. tasks];
}

static bool IsCaller(HttpContext context, string userId) =>
    string.Equals(context.User.FindFirst(JwtRegisteredClaimNames.Sub)?.Value, userId, StringComparison.Ordinal);

// PostgreSQL keeps microseconds.
static DateTime Now()
{
    var now = DateTime.UtcNow;
    return new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerMicrosecond, DateTimeKind.Utc);
}

internal sealed record ListArguments(string? Status);

/// <summary>The list_tasks function's options, as the backend's (Chat/ChatService.cs): the result passed on as the JSON it is.</summary>
internal static class PipelineTool
{
    public static readonly AIFunctionFactoryOptions Options = new()
    {
        Name = ToolNames.ListTasks,
        SerializerOptions = ContractJson.Options,
        MarshalResult = static (result, _, _) => ValueTask.FromResult(result),
    };
}

/// <summary>The generated serializers, with the API's response options (snake_case, its escaping).</summary>
internal static class Wire
{
    public static readonly FloorJson Json = new(ContractJson.ConfigureForResponses(new JsonSerializerOptions(JsonSerializerDefaults.Web)));
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(TaskDto[]))]
[JsonSerializable(typeof(CreateTaskRequest))]
[JsonSerializable(typeof(ChatRequest))]
[JsonSerializable(typeof(ChatTurnResponse))]
[JsonSerializable(typeof(TaskSummary[]))]
[JsonSerializable(typeof(ToolCallDto[]))]
[JsonSerializable(typeof(ListArguments))]
internal sealed partial class FloorJson : JsonSerializerContext;
