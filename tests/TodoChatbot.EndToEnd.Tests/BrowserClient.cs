using System.Net;
using System.Net.Http.Json;
using TodoChatbot.Contracts;

namespace TodoChatbot.EndToEnd.Tests;

/// <summary>
/// A browser-like client of the frontend: one connection pool with keep-alive (as a browser holds
/// its connections to an origin), the BFF's session cookie and the anti-forgery header.
/// </summary>
internal static class BrowserClient
{
    /// <summary>Registers a new user through the BFF; returns the signed-in client and the user's id.</summary>
    public static async Task<(HttpClient Client, string UserId)> SignInAsync(Uri frontendUrl, string emailPrefix)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() })
        {
            BaseAddress = frontendUrl,
            Timeout = TimeSpan.FromSeconds(30),
        };
        client.DefaultRequestHeaders.Add(BffProtocol.AntiForgeryHeader, BffProtocol.AntiForgeryValue);
        var register = await client.PostAsJsonAsync("/bff/register", new { email = $"{emailPrefix}-{Guid.NewGuid():N}@example.com", password = "correct horse battery" }, Cancellation);
        Assert.True(register.IsSuccessStatusCode, $"register answered {(int)register.StatusCode}");
        var user = await register.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(Cancellation);
        return (client, user.GetProperty("id").GetString()!);
    }
}
