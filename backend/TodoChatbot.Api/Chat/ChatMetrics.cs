using System.Diagnostics.Metrics;
using TodoChatbot.Api.Chat.Offline;
using TodoChatbot.Contracts;

namespace TodoChatbot.Api.Chat;

/// <summary>
/// The chat's own metrics, meter <c>TodoChatbot.Chat</c>, served at <c>/metrics</c> beside the
/// framework's. Every label comes from a closed set written in code (provider names, tool names,
/// outcome words, offline command kinds), never from a request: no user id, email or message text
/// can become a label, and the number of series stays fixed.
/// </summary>
public sealed class ChatMetrics
{
    public const string MeterName = "TodoChatbot.Chat";

    private readonly Counter<long> _turns;
    private readonly Counter<long> _toolCalls;
    private readonly Counter<long> _providerCalls;
    private readonly Counter<long> _providerFailures;
    private readonly Counter<long> _offlineAnswers;

    public ChatMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        _turns = meter.CreateCounter<long>("todo.chat.turns", "{turn}",
            "Chat turns answered, by provider and outcome (replied, or provider_failed: the reply says the model could not answer).");
        _toolCalls = meter.CreateCounter<long>("todo.chat.tool_calls", "{call}",
            "Tool calls made by the assistant or an MCP client, by tool and outcome (succeeded, not_found, refused).");
        _providerCalls = meter.CreateCounter<long>("todo.llm.calls", "{call}",
            "Requests to the language model provider (one per tool round of a turn), by provider.");
        _providerFailures = meter.CreateCounter<long>("todo.llm.failures", "{call}",
            "Requests to the language model provider that failed after their retries, by provider and reason.");
        _offlineAnswers = meter.CreateCounter<long>("todo.offline.answers", "{answer}",
            "Replies of the built-in offline assistant, by what it understood (add, list, complete, delete, update, ask, bulk, help).");
    }

    public void TurnAnswered(LlmProvider provider, bool providerFailed) =>
        _turns.Add(1, new("provider", ProviderName(provider)), new("outcome", providerFailed ? "provider_failed" : "replied"));

    public void ToolCalled(string tool, object result) =>
        _toolCalls.Add(1, new("tool", tool), new("outcome", result switch
        {
            ToolError { Code: ToolError.NotFoundCode } => "not_found",
            ToolError => "refused",
            _ => "succeeded",
        }));

    public void ProviderCalled(LlmProvider provider) => _providerCalls.Add(1, new KeyValuePair<string, object?>("provider", ProviderName(provider)));

    public void ProviderFailed(LlmProvider provider, string reason) =>
        _providerFailures.Add(1, new("provider", ProviderName(provider)), new("reason", reason));

    public void OfflineAnswered(OfflineCommand command) =>
        _offlineAnswers.Add(1, new KeyValuePair<string, object?>("command", command switch
        {
            AddCommand => "add",
            ListCommand => "list",
            CompleteCommand => "complete",
            DeleteCommand => "delete",
            UpdateCommand => "update",
            Question => "ask",
            BulkCommand => "bulk",
            _ => "help",
        }));

    /// <summary>The provider as <c>Llm__Provider</c> names it.</summary>
    private static string ProviderName(LlmProvider provider) => provider switch
    {
        LlmProvider.Offline => "offline",
        LlmProvider.Groq => "groq",
        LlmProvider.OpenAI => "openai",
        LlmProvider.OpenAICompatible => "openai-compatible",
        _ => "other",
    };
}
