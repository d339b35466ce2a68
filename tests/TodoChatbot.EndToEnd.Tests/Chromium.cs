using Microsoft.Playwright;

namespace TodoChatbot.EndToEnd.Tests;

/// <summary>
/// Debian's Chromium (TODO_TEST_CHROMIUM overrides the path), headless, driven by Playwright: the
/// one way the browser tests start a browser. Playwright never downloads one of its own here.
/// </summary>
public sealed class Chromium : IAsyncDisposable
{
    private readonly IPlaywright _playwright;

    private Chromium(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Browser = browser;
    }

    public static string ExecutablePath { get; } = Environment.GetEnvironmentVariable("TODO_TEST_CHROMIUM") ?? "/usr/bin/chromium";

    /// <summary>Why no browser can start here, or null.</summary>
    public static string? Unavailable => File.Exists(ExecutablePath)
        ? null
        : $"Chromium not found at {ExecutablePath} (apt-get install chromium, or set TODO_TEST_CHROMIUM)";

    public IBrowser Browser { get; }

    public static async Task<Chromium> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            // Without the background-networking switches Chromium keeps dialling Google's hosts,
            // which this machine's closed network refuses many at a time.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        return new Chromium(playwright, browser);
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
    }
}
