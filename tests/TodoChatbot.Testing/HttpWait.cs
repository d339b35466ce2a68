using System.Net;

namespace TodoChatbot.Testing;

public static class HttpWait
{
    /// <summary>
    /// Polls <paramref name="url"/> until it answers 200, and fails early with the service's output
    /// when <paramref name="process"/> (if given) exits first.
    /// </summary>
    public static async Task UntilOkAsync(Uri url, TimeSpan within, ServiceProcess? process = null)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline)
        {
            if (process is { HasExited: true })
                throw new InvalidOperationException($"{url.Authority} exited:\n{process.Output}");
            try
            {
                using var response = await client.GetAsync(url);
                if (response.StatusCode == HttpStatusCode.OK)
                    return;
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                // not listening or not answering yet
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"{url} did not answer 200 within {within}\n{process?.Output}");
    }
}
