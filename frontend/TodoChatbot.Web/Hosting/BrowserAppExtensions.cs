namespace TodoChatbot.Web.Hosting;

public static class BrowserAppExtensions
{
    /// <summary>
    /// The WebAssembly app's files through static-asset endpoints (precompressed Brotli/gzip,
    /// fingerprinted files cached for a year, the rest revalidated), and index.html for every
    /// other page address, never cached, so a new deployment is picked up at the next load.
    /// </summary>
    public static WebApplication MapBrowserApp(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapFallbackToFile("index.html", new StaticFileOptions
        {
            OnPrepareResponse = file => file.Context.Response.Headers.CacheControl = "no-cache, no-store",
        });
        return app;
    }
}
