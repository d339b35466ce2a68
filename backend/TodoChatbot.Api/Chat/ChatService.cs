using System.Reflection;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Server;
using TodoChatbot.Api.Data;
using TodoChatbot.Contracts;

namespace TodoChatbot.Api.Chat;

/// <summary>Why a chat turn has no answer.</summary>
public enum ChatTurnRefusal
{
    None,
    /// <summary>The conversation named is not the user's, or does not exist.</summary>
    ConversationNotFound,
    /// <summary>The caller's account no longer exists: the same 401 as a token refused (<see cref="Auth.AccountTokenValidation.AccountGone"/>).</summary>
    AccountGone,
}

/// <summary>A chat turn's answer, or (<see cref="Turn"/> null) the reason there is none.</summary>
public sealed record ChatTurnOutcome(ChatTurnResponse? Turn, ChatTurnRefusal Refusal);

/// <summary>
/// One chat turn, stateless: load the conversation's recent history from the database, run the
/// assistant with the user's tools, then store the user's message and the reply (with the tool
/// calls made) together, whole or not at all (<see cref="ConversationStore"/>). Nothing is kept in memory between requests, so any replica,
/// or a restarted one, continues any conversation. A provider failure becomes an assistant reply,
/// never a server error. The tools save their task changes as they run (they are the user's
/// actions), so the stored turn records every tool call, including those made before a failure.
/// </summary>
public sealed partial class ChatService(
    TodoDbContext db,
    ConversationStore conversations,
    IChatClient assistant,
    TodoTools tools,
    LlmSettings llm,
    IOptions<ChatHistoryOptions> history,
    TimeProvider clock,
    ChatMetrics metrics,
    ILogger<ChatService> logger)
{
    public const string EmptyReply = "I wasn't able to finish that. Please try again or say it another way.";

    /// <returns>The turn, or why there is none.</returns>
    public async Task<ChatTurnOutcome> SendAsync(string userId, int? conversationId, string message, CancellationToken cancellationToken)
    {
        var started = clock.UtcNowForDatabase();
        List<ChatMessage> history = [];
        if (conversationId is { } id)
        {
            if (!await db.Conversations.AnyAsync(c => c.Id == id && c.UserId == userId, cancellationToken))
                return await RefusalAsync(userId, cancellationToken);
            history = await LoadHistoryAsync(id, cancellationToken);
        }

        var (reply, providerFailed) = await RunAssistantAsync([new(ChatRole.System, SystemPrompt.For(clock.GetUtcNow())), .. history, new(ChatRole.User, message)], cancellationToken);

        var turn = new StoredTurn(message, started, reply,
            tools.Calls.Count == 0 ? null : JsonSerializer.Serialize(tools.Calls, ContractJson.Options),
            clock.UtcNowForDatabase());
        var stored = conversationId is { } existing
            ? await conversations.ContinueAsync(existing, userId, turn)
            : await conversations.StartAsync(userId, TitleFrom(message), turn);
        if (stored is not { } storedId)
            return await RefusalAsync(userId, CancellationToken.None);
        metrics.TurnAnswered(llm.Provider, providerFailed);
        return new ChatTurnOutcome(new ChatTurnResponse(storedId, reply, tools.Calls), ChatTurnRefusal.None);
    }

    /// <summary>
    /// Why a conversation was not found, or a turn not stored: the account is gone (conversations
    /// go with it), or else the conversation is not the user's. One lookup, on this path only.
    /// </summary>
    private async Task<ChatTurnOutcome> RefusalAsync(string userId, CancellationToken cancellationToken) =>
        new(null, await db.AccountExistsAsync(userId, cancellationToken) ? ChatTurnRefusal.ConversationNotFound : ChatTurnRefusal.AccountGone);

    /// <returns>The reply, and whether it is the words for a provider failure rather than the model's.</returns>
    private async Task<(string Reply, bool ProviderFailed)> RunAssistantAsync(List<ChatMessage> messages, CancellationToken cancellationToken)
    {
        try
        {
            var response = await assistant.GetResponseAsync(messages, new ChatOptions
            {
                Tools = CreateAITools(tools),
                ToolMode = ChatToolMode.Auto,
            }, cancellationToken);
            var text = response.Text.Trim();
            return (text.Length == 0 ? EmptyReply : text, false);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            var (reply, reason, _) = ProviderFailure.Describe(exception);
            LogProviderFailure(logger, llm.Provider, llm.Model, reason);
            return (reply, true);
        }
    }

    private async Task<List<ChatMessage>> LoadHistoryAsync(int conversationId, CancellationToken cancellationToken)
    {
        var recent = await db.Messages.AsNoTracking()
            .Where(m => m.ConversationId == conversationId)
            .OrderByDescending(m => m.Id)
            .Take(Math.Max(0, history.Value.HistoryMessages))
            .ToListAsync(cancellationToken);
        recent.Reverse();
        return recent
            .Select(m => new ChatMessage(m.Role == ChatRules.AssistantRole ? ChatRole.Assistant : ChatRole.User, m.Content))
            .ToList();
    }

    /// <summary>The tools as AI functions: the same methods, names and descriptions the MCP server serves.</summary>
    public static IList<AITool> CreateAITools(TodoTools target) =>
        ToolMethods.Select(tool => (AITool)AIFunctionFactory.Create(tool.Method, target, tool.Options)).ToList();

    /// <summary>
    /// The tool methods and their options, found once rather than by reflection on every turn (the
    /// factory keeps each method's schema itself).
    /// </summary>
    private static readonly (MethodInfo Method, AIFunctionFactoryOptions Options)[] ToolMethods =
        typeof(TodoTools).GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Select(method => (Method: method, Tool: method.GetCustomAttribute<McpServerToolAttribute>()))
            .Where(entry => entry.Tool is not null)
            .Select(entry => (entry.Method, new AIFunctionFactoryOptions
            {
                Name = entry.Tool!.Name,
                SerializerOptions = ContractJson.Options,
                // The tools return their result already as JSON (TodoTools.Record); pass it on as it is.
                MarshalResult = static (result, _, _) => ValueTask.FromResult(result),
            }))
            .ToArray();

    /// <summary>The first message, on one line and short enough for a list, cut between whole characters.</summary>
    public static string TitleFrom(string message)
    {
        var line = string.Join(' ', message.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var elements = new System.Globalization.StringInfo(line);
        if (elements.LengthInTextElements <= Conversation.TitleMaxLength && line.EnumerateRunes().Count() <= Conversation.TitleMaxLength)
            return line;
        // Text elements keep emoji and accents whole; the result stays within the column's limit in code points.
        var cut = elements.SubstringByTextElements(0, Math.Min(elements.LengthInTextElements, Conversation.TitleMaxLength - 1));
        while (cut.EnumerateRunes().Count() > Conversation.TitleMaxLength - 1)
        {
            var shorter = new System.Globalization.StringInfo(cut);
            cut = shorter.SubstringByTextElements(0, shorter.LengthInTextElements - 1);
        }
        return cut.TrimEnd() + "…";
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Language model call failed ({Provider}, model {Model}): {Reason}")]
    private static partial void LogProviderFailure(ILogger logger, LlmProvider provider, string model, string reason);
}
