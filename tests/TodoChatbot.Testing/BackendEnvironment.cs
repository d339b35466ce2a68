using System.Security.Cryptography;

namespace TodoChatbot.Testing;

/// <summary>
/// The environment of the API run as a real process in production mode: the tests that start it
/// (end to end, rolling restart, faults) begin from these settings and add their own.
/// </summary>
public static class BackendEnvironment
{
    /// <summary>
    /// Production settings on <paramref name="database"/>: a fresh random JWT secret (share the
    /// dictionary between replicas that must accept each other's tokens), the offline assistant,
    /// no shutdown drain, and the listening address when one is given.
    /// </summary>
    public static Dictionary<string, string?> Production(string database, Uri? listenOn = null)
    {
        var environment = new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["DATABASE_URL"] = database,
            ["JWT_SECRET"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)),
            ["Llm__Provider"] = "offline",
            ["Shutdown__DrainDelaySeconds"] = "0",
        };
        if (listenOn is not null)
            environment["ASPNETCORE_URLS"] = listenOn.ToString().TrimEnd('/');
        return environment;
    }
}
