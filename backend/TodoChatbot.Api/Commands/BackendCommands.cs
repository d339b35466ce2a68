using TodoChatbot.ServiceDefaults;

namespace TodoChatbot.Api.Commands;

/// <summary>
/// The backend binary's commands besides serving, in one place:
/// <list type="bullet">
/// <item><c>healthcheck [--ready] [--url U]</c>: the image's HEALTHCHECK (<see cref="HealthProbe"/>, shared with the frontend);</item>
/// <item><c>init-secrets DIR</c>: compose's one-shot that generates the stack's secrets (<see cref="InitSecretsCommand"/>);</item>
/// <item><c>migrate</c>: the init step that applies the database migrations (<see cref="MigrateCommand"/>).</item>
/// </list>
/// </summary>
public static class BackendCommands
{
    public const int DefaultPort = 8001;

    /// <summary>Runs a command that needs no configured host; null when the arguments name none.</summary>
    public static async Task<int?> RunWithoutHostAsync(string[] args)
    {
        if (HealthProbe.IsRequested(args))
            return await HealthProbe.RunAsync(args, DefaultPort);
        if (args is [InitSecretsCommand.Name, var secretsDirectory])
            return InitSecretsCommand.Run(secretsDirectory);
        return null;
    }

    /// <summary>Runs a command that needs the configured services (the database); null when the arguments name none.</summary>
    public static Task<int>? RunWithHostAsync(WebApplication app, string[] args) =>
        args is [MigrateCommand.Name, ..] ? MigrateCommand.RunAsync(app) : null;
}
