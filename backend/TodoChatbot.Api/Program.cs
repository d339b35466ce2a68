using TodoChatbot.Api.Auth;
using TodoChatbot.Api.Chat;
using TodoChatbot.Api.Commands;
using TodoChatbot.Api.Data;
using TodoChatbot.Api.Mcp;
using TodoChatbot.Api.Tasks;
using TodoChatbot.Contracts;
using TodoChatbot.ServiceDefaults;

// The binary's commands besides serving (healthcheck, init-secrets, migrate): see Commands/.
if (await BackendCommands.RunWithoutHostAsync(args) is { } exitCode)
    return exitCode;

return await StartupGuard.RunAsync("TodoChatbot.Api", async () =>
{
    var builder = WebApplication.CreateBuilder(args);
    builder.Configuration.AddAliases(
        ("DATABASE_URL", DatabaseConnection.ConfigurationKey),
        ("DATABASE_PASSWORD", DatabaseConnection.PasswordKey),
        ("JWT_SECRET", "Auth:JwtSecret"));
    builder.AddServiceDefaults(defaultPort: BackendCommands.DefaultPort);
    builder.Services.ConfigureHttpJsonOptions(options => ContractJson.ConfigureForResponses(options.SerializerOptions));
    builder.Services.AddOpenApi();
    builder.AddDatabase();
    builder.AddAuth();
    builder.AddTasks();
    builder.AddChat();
    builder.AddMcp();

    var app = builder.Build();
    if (BackendCommands.RunWithHostAsync(app, args) is { } command)
        return await command;

    app.UseServiceDefaults();
    app.UseAuthentication();
    app.UseAuthorization();
    app.UseRateLimiter();

    app.MapServiceDefaultEndpoints();
    app.MapOpenApi();
    app.MapAuthApi();
    app.MapTaskApi();
    app.MapChatApi();
    app.MapMcpApi();

    await app.RunAsync();
    return 0;
});
