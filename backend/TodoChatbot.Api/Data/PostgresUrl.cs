using System.Globalization;
using Npgsql;

namespace TodoChatbot.Api.Data;

/// <summary>
/// Translates the URL form of a PostgreSQL connection (what Neon's console, Heroku-style hosts and
/// the specification's <c>DATABASE_URL</c> use) into an Npgsql connection string:
/// <c>postgresql://user:pass@host[:port]/db?sslmode=require&amp;channel_binding=require</c>.
/// Parameters are mapped one by one; an unknown parameter is an error rather than silently dropped,
/// because a dropped <c>sslmode</c> is how credentials end up crossing a network in clear text.
/// </summary>
public static class PostgresUrl
{
    private const int DefaultPort = 5432;

    // libpq's spellings, the ones Neon's console and every PostgreSQL URL use.
    private static readonly (string Spelling, SslMode Mode)[] SslModes =
    [
        ("disable", SslMode.Disable), ("allow", SslMode.Allow), ("prefer", SslMode.Prefer),
        ("require", SslMode.Require), ("verify-ca", SslMode.VerifyCA), ("verify-full", SslMode.VerifyFull),
    ];

    private static readonly (string Spelling, ChannelBinding Binding)[] ChannelBindings =
        [("disable", ChannelBinding.Disable), ("prefer", ChannelBinding.Prefer), ("require", ChannelBinding.Require)];

    public static bool IsUrl(string value) =>
        value.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
        || value.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase);

    /// <exception cref="FormatException">The URL is malformed or has a parameter Npgsql cannot honour.</exception>
    public static string ToConnectionString(string url)
    {
        if (!IsUrl(url) || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
            throw new FormatException("the database URL must look like postgresql://user:password@host:5432/database?sslmode=require");

        var database = Uri.UnescapeDataString(uri.AbsolutePath.Trim('/'));
        if (database.Length == 0)
            throw new FormatException("the database URL names no database (postgresql://user:password@host/DATABASE)");

        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.IdnHost.Trim('[', ']'),
            Port = uri.Port > 0 ? uri.Port : DefaultPort,
            Database = database,
        };

        if (uri.UserInfo.Length > 0)
        {
            var separator = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            builder.Username = Uri.UnescapeDataString(separator < 0 ? uri.UserInfo : uri.UserInfo[..separator]);
            if (separator >= 0)
                builder.Password = Uri.UnescapeDataString(uri.UserInfo[(separator + 1)..]);
        }

        foreach (var (name, value) in ParseQuery(uri.Query))
            Apply(builder, name, value);

        return builder.ConnectionString;
    }

    private static void Apply(NpgsqlConnectionStringBuilder builder, string name, string value)
    {
        switch (name)
        {
            case "sslmode":
                builder.SslMode = OneOf(name, value, SslModes);
                break;
            case "channel_binding":
                builder.ChannelBinding = OneOf(name, value, ChannelBindings);
                break;
            case "sslrootcert":
                builder.RootCertificate = value;
                break;
            case "connect_timeout":
                builder.Timeout = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
                    ? seconds
                    : throw new FormatException($"the database URL has connect_timeout={value}; it must be a number of seconds");
                break;
            case "application_name":
                builder.ApplicationName = value;
                break;
            case "options":
                // Neon uses options=endpoint%3D<id> for clients without SNI.
                builder.Options = value;
                break;
            case "target_session_attrs":
                builder.TargetSessionAttributes = value;
                break;
            default:
                throw new FormatException($"the database URL has a parameter this service does not understand: {name}");
        }
    }

    /// <summary>The setting a spelling stands for; any other spelling is refused with the list of those accepted.</summary>
    private static T OneOf<T>(string name, string value, (string Spelling, T Setting)[] choices)
    {
        foreach (var (spelling, setting) in choices)
        {
            if (spelling == value)
                return setting;
        }
        var spellings = choices.Select(choice => choice.Spelling).ToArray();
        throw new FormatException(
            $"the database URL has {name}={value}; use {string.Join(", ", spellings[..^1])} or {spellings[^1]}");
    }

    private static IEnumerable<(string Name, string Value)> ParseQuery(string query)
    {
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]).ToLowerInvariant();
            var value = equals < 0 ? "" : Uri.UnescapeDataString(pair[(equals + 1)..].Replace('+', ' '));
            yield return (name, value);
        }
    }
}
