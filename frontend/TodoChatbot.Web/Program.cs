using TodoChatbot.ServiceDefaults;
using TodoChatbot.Web.Bff;
using TodoChatbot.Web.Hosting;

if (HealthProbe.IsRequested(args))
    return await HealthProbe.RunAsync(args, defaultPort: 3000);

return await StartupGuard.RunAsync("TodoChatbot.Web", async () =>
{
    var builder = WebApplication.CreateBuilder(args);
    builder.Configuration.AddAliases(("BACKEND_URL", "Backend:BaseUrl"));
    builder.AddServiceDefaults(defaultPort: 3000);
    builder.AddApiProxy();

    var app = builder.Build();
    app.UseServiceDefaults();
    app.UseSecurityHeaders();
    app.UseAntiForgeryHeader();

    app.MapServiceDefaultEndpoints();
    app.MapBff();
    app.MapReverseProxy();
    app.MapBrowserApp();

    await app.RunAsync();
    return 0;
});
