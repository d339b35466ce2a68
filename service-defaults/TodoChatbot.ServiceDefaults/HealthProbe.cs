using System.Globalization;

namespace TodoChatbot.ServiceDefaults;

/// <summary>
/// <c>dotnet TodoChatbot.X.dll healthcheck [URL [STATUS]]</c>: asks this container's own service
/// for <c>/healthz</c> (or the URL given, e.g. another container's <c>/readyz</c>) and exits 0 when
/// it answers 2xx (or exactly STATUS: a 401 through the frontend's proxy proves the backend answered),
/// else 1. It is the image's HEALTHCHECK: the runtime images have no shell and no
/// curl, so the app's own binary is the probe.
/// </summary>
public static class HealthProbe
{
    public const string Argument = "healthcheck";

    public static bool IsRequested(string[] args) => args is [Argument] or [Argument, _] or [Argument, _, _];

    public static async Task<int> RunAsync(string[] args, int defaultPort)
    {
        var port = FirstPort(Environment.GetEnvironmentVariable("ASPNETCORE_HTTP_PORTS")) ?? defaultPort;
        var url = args is [_, var given, ..]
            ? given
            : $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}{HealthExtensions.LivenessPath}";
        int? expected = args is [_, _, var status] && int.TryParse(status, NumberStyles.None, CultureInfo.InvariantCulture, out var code) ? code : null;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var target))
        {
            await Console.Error.WriteLineAsync($"healthcheck: '{url}' is not a URL");
            return 1;
        }
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        try
        {
            using var response = await http.GetAsync(target);
            var ok = expected is { } wanted ? (int)response.StatusCode == wanted : response.IsSuccessStatusCode;
            if (!ok)
                await Console.Error.WriteLineAsync($"healthcheck: {target} answered {(int)response.StatusCode}");
            return ok ? 0 : 1;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            await Console.Error.WriteLineAsync($"healthcheck: {exception.Message}");
            return 1;
        }
    }

    private static int? FirstPort(string? ports) =>
        ports?.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(port => int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : (int?)null)
            .FirstOrDefault(port => port is not null);
}
