using Microsoft.Extensions.Configuration;

namespace TodoChatbot.ServiceDefaults;

public static class ConfigurationAliases
{
    /// <summary>
    /// Accepts the short names people paste from provider consoles and the specification
    /// (<c>DATABASE_URL</c>, <c>JWT_SECRET</c>, …) as aliases of the real keys. The real key wins
    /// when both are set, so an aliased key must not get a default in appsettings.json (it would
    /// always win): its default lives in code. Each alias may also be given as <c>ALIAS_FILE</c>.
    /// </summary>
    public static IConfigurationManager AddAliases(this IConfigurationManager configuration, params (string Alias, string Key)[] aliases)
    {
        var values = new Dictionary<string, string?>();
        foreach (var (alias, key) in aliases)
        {
            if (!string.IsNullOrWhiteSpace(configuration[key]))
                continue;
            if (configuration[alias] is { Length: > 0 } value)
                values[key] = value;
            else if (configuration[alias + "_FILE"] is { Length: > 0 } file)
                values[key] = ReadSecretFile(alias + "_FILE", file);
        }
        if (values.Count > 0)
            configuration.AddInMemoryCollection(values);
        return configuration;
    }

    /// <summary>
    /// <c>NAME_FILE=/path</c> reads the value from a file, the convention of the official database
    /// images and of Docker and Kubernetes secrets mounted as files.
    /// </summary>
    private static string ReadSecretFile(string setting, string path)
    {
        try
        {
            return File.ReadAllText(path).Trim();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new StartupConfigurationException($"{setting} names {path}, which cannot be read: {exception.Message}");
        }
    }
}
