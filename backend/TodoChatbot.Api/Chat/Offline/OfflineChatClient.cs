using System.Text.Json;
using Microsoft.Extensions.AI;
using TodoChatbot.Contracts;

namespace TodoChatbot.Api.Chat.Offline;

/// <summary>
/// The built-in assistant used when no language model is configured. It is an
/// <see cref="IChatClient"/> like any provider, so it runs behind the same function-invoking
/// pipeline and calls the same five tools; it just decides with <see cref="CommandParser"/> and
/// <see cref="OfflinePlanner"/> instead of a model. Each call reads the latest user message and the
/// tool results that followed it, and answers with the next tool call or the final reply; each
/// final reply is counted by what was understood (<see cref="ChatMetrics.OfflineAnswered"/>).
/// A tool call carries the command it was planned from (its <see cref="AIContent.RawRepresentation"/>,
/// the object a content was made from), so the next call in the same turn reads the message's
/// meaning back instead of parsing it again.
/// </summary>
public sealed class OfflineChatClient(ChatMetrics metrics) : IChatClient
{
    public const string ModelId = "offline-assistant";

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var conversation = messages.ToList();
        var lastUser = conversation.FindLastIndex(message => message.Role == ChatRole.User);
        var command = PlannedCommand(conversation, lastUser) ?? CommandParser.Parse(lastUser < 0 ? "" : conversation[lastUser].Text);
        var outcomes = conversation.Skip(lastUser + 1)
            .SelectMany(message => message.Contents.OfType<FunctionResultContent>())
            .Select(result => new ToolOutcome(NameOf(conversation, result.CallId), ToJson(result.Result)))
            .ToList();

        var step = OfflinePlanner.Next(command, outcomes);
        if (step is Reply)
            metrics.OfflineAnswered(command);
        var reply = step switch
        {
            CallTool call => new ChatMessage(ChatRole.Assistant,
                [new FunctionCallContent($"offline_{outcomes.Count + 1}", call.Name, call.Arguments.ToDictionary()) { RawRepresentation = command }]),
            Reply text => new ChatMessage(ChatRole.Assistant, text.Text),
            _ => throw new InvalidOperationException($"unknown step {step}"),
        };
        return Task.FromResult(new ChatResponse(reply) { ModelId = ModelId, FinishReason = step is CallTool ? ChatFinishReason.ToolCalls : ChatFinishReason.Stop });
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetResponseAsync(messages, options, cancellationToken);
        foreach (var update in response.ToChatResponseUpdates())
            yield return update;
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }

    /// <summary>The command an earlier call of this turn planned a tool call from, if any (after the last user message).</summary>
    private static OfflineCommand? PlannedCommand(List<ChatMessage> conversation, int lastUser) =>
        conversation.Skip(lastUser + 1)
            .SelectMany(message => message.Contents.OfType<FunctionCallContent>())
            .Select(call => call.RawRepresentation as OfflineCommand)
            .LastOrDefault(command => command is not null);

    private static string NameOf(List<ChatMessage> conversation, string callId) =>
        conversation.SelectMany(message => message.Contents.OfType<FunctionCallContent>())
            .LastOrDefault(call => call.CallId == callId)?.Name ?? "";

    private static JsonElement ToJson(object? result) => result switch
    {
        JsonElement element => element,
        null => JsonSerializer.SerializeToElement<object?>(null),
        _ => JsonSerializer.SerializeToElement(result, result.GetType(), ContractJson.Options),
    };
}
