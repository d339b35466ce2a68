using TodoChatbot.Api.Auth;
using TodoChatbot.Api.Chat;
using TodoChatbot.Api.Data;
using TodoChatbot.Api.Infrastructure;
using TodoChatbot.Api.Mcp;
using TodoChatbot.Api.Tasks;
using TodoChatbot.Contracts;
using TodoChatbot.ServiceDefaults;

if (HealthProbe.IsRequested(args))
    return await HealthProbe.RunAsync(args, defaultPort: 8001);
if (args is [InitSecretsCommand.Name, var secretsDirectory])
    return InitSecretsCommand.Run(secretsDirectory);

return await StartupGuard.RunAsync("TodoChatbot.Api", async () =>
{
    var builder = WebApplication.CreateBuilder(args);
    builder.Configuration.AddAliases(
        ("DATABASE_URL", DatabaseConnection.ConfigurationKey),
        ("DATABASE_PASSWORD", DatabaseConnection.PasswordKey),
        ("JWT_SECRET", "Auth:JwtSecret"));
    builder.AddServiceDefaults(defaultPort: 8001);
    builder.Services.ConfigureHttpJsonOptions(options => ContractJson.ConfigureForResponses(options.SerializerOptions));
    builder.Services.AddOpenApi();
    builder.AddTodoDatabase();
    builder.AddTodoAuth();
    builder.AddTaskApi();
    builder.AddTodoChat();
    builder.AddTodoMcp();

    var app = builder.Build();
    if (args is [MigrationCommand.Name, ..])
        return await MigrationCommand.RunAsync(app);

    app.UseServiceDefaults();
    app.UseAuthentication();
    app.UseAuthorization();
    app.UseRateLimiter();

    app.MapHealthEndpoints();
    app.MapMetricsEndpoint();
    app.MapOpenApi();
    app.MapAuthApi();
    app.MapTaskApi();
    app.MapChatApi();
    app.MapTodoMcp();

    await app.RunAsync();
    return 0;
});
