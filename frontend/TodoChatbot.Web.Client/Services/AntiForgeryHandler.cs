using TodoChatbot.Contracts;

namespace TodoChatbot.Web.Client.Services;

/// <summary>Adds the header the BFF requires on requests that change data (see the host's AntiForgery).</summary>
public sealed class AntiForgeryHandler : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.TryAddWithoutValidation(BffProtocol.AntiForgeryHeader, BffProtocol.AntiForgeryValue);
        return base.SendAsync(request, cancellationToken);
    }
}
