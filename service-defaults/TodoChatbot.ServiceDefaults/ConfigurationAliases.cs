using Microsoft.Extensions.Configuration;

namespace TodoChatbot.ServiceDefaults;

public static class ConfigurationAliases
{
    /// <summary>
    /// Accepts the short names people paste from provider consoles and the specification
    /// (<c>DATABASE_URL</c>, <c>JWT_SECRET</c>, …) as aliases of the real keys. The real key wins
    /// when both are set, so an aliased key must not get a default in appsettings.json (it would
    /// always win): its default lives in code.
    /// </summary>
    public static IConfigurationManager AddAliases(this IConfigurationManager configuration, params (string Alias, string Key)[] aliases)
    {
        var values = new Dictionary<string, string?>();
        foreach (var (alias, key) in aliases)
        {
            if (string.IsNullOrWhiteSpace(configuration[key]) && configuration[alias] is { Length: > 0 } value)
                values[key] = value;
        }
        if (values.Count > 0)
            configuration.AddInMemoryCollection(values);
        return configuration;
    }
}
