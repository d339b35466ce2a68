using Microsoft.Extensions.AI;

namespace TodoChatbot.Api.Chat;

/// <summary>
/// Sits between function invocation and the provider's client, so it sees each request to the
/// model (one per tool round): counts it, and counts a failure by its kind
/// (<see cref="ProviderFailure"/>) before passing the exception on to the chat service, which
/// turns it into a reply.
/// </summary>
public sealed class ProviderMetricsChatClient(IChatClient provider, ChatMetrics metrics, LlmProvider name) : DelegatingChatClient(provider)
{
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        metrics.ProviderCalled(name);
        try
        {
            return await base.GetResponseAsync(messages, options, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            metrics.ProviderFailed(name, ProviderFailure.Describe(exception).Kind);
            throw;
        }
    }
}
