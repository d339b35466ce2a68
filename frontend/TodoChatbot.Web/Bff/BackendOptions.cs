using System.Globalization;
using TodoChatbot.ServiceDefaults;

namespace TodoChatbot.Web.Bff;

/// <summary>
/// Where the backend API is (<c>Backend__BaseUrl</c>, alias <c>BACKEND_URL</c>), read at run
/// time: nothing about the backend is compiled into the browser app.
/// </summary>
public sealed record BackendOptions(Uri BaseUrl, TimeSpan Timeout)
{
    public const string Section = "Backend";
    public const string HttpClientName = "backend";

    public static BackendOptions Resolve(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var url = section["BaseUrl"] ?? "http://localhost:8001";
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var baseUrl) || baseUrl.Scheme is not ("http" or "https"))
            throw new StartupConfigurationException($"Backend__BaseUrl (or BACKEND_URL) must be an http(s) URL such as http://backend:8001, not '{url}'");
        var seconds = int.TryParse(section["TimeoutSeconds"], NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 100;
        return new BackendOptions(baseUrl, TimeSpan.FromSeconds(Math.Max(1, seconds)));
    }
}
