using System.Globalization;

namespace TodoChatbot.ServiceDefaults;

/// <summary>
/// <c>dotnet TodoChatbot.X.dll healthcheck</c>: asks this container's own service for
/// <c>/healthz</c> and exits 0 (healthy) or 1. It is the image's HEALTHCHECK: the runtime images
/// have no shell and no curl, so the app's own binary is the probe.
/// </summary>
public static class HealthProbe
{
    public const string Argument = "healthcheck";

    public static bool IsRequested(string[] args) => args is [Argument];

    public static async Task<int> RunAsync(int defaultPort)
    {
        var port = FirstPort(Environment.GetEnvironmentVariable("ASPNETCORE_HTTP_PORTS")) ?? defaultPort;
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        try
        {
            using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}{HealthExtensions.LivenessPath}"));
            return response.IsSuccessStatusCode ? 0 : 1;
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
