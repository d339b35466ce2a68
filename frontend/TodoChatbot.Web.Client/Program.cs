using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.WebAssembly.Hosting;
using TodoChatbot.Web.Client;
using TodoChatbot.Web.Client.Services;

var builder = WebAssemblyHostBuilder.CreateDefault(args);
builder.RootComponents.Add<App>("#app");

// Every call goes to this page's own origin: the frontend host serves /bff and proxies /api.
builder.Services.AddScoped(_ => new HttpClient(new AntiForgeryHandler { InnerHandler = new HttpClientHandler() })
{
    BaseAddress = new Uri(builder.HostEnvironment.BaseAddress),
});
builder.Services.AddScoped<IAuthApi, AuthApi>();
builder.Services.AddScoped<Session>();
builder.Services.AddScoped<AuthenticationStateProvider>(services => services.GetRequiredService<Session>());
builder.Services.AddScoped<ITodoApi, TodoApi>();
builder.Services.AddAuthorizationCore();
builder.Services.AddCascadingAuthenticationState();

await builder.Build().RunAsync();
