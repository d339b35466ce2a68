using System.Text.RegularExpressions;

namespace TodoChatbot.Deploy.Tests;

/// <summary>
/// docs/CONFIGURATION.md against the code, both ways: every setting the services read is listed
/// (so nobody has to read the source to configure them), and every setting listed is one the code
/// reads or one of ASP.NET Core's own (so the guide names nothing that does not exist).
/// </summary>
public sealed partial class ConfigurationDocsTests
{
    private static readonly string[] ProductSources = ["backend", "frontend", "service-defaults"];

    // ASP.NET Core's, .NET's and the OpenTelemetry SDK's own settings, which the guide may list
    // without our code reading them.
    private static readonly string[] FrameworkPrefixes = ["ASPNETCORE_", "DOTNET_", "Logging__", "Kestrel__", "OTEL_"];

    [Fact]
    public void Every_setting_the_code_reads_is_in_the_configuration_guide()
    {
        var documented = DocumentedSettings();
        var read = SettingsTheCodeReads();

        Assert.True(read.Count > 20, $"the scan found too few settings to be working: {string.Join(", ", read)}");
        var missing = read.Where(setting => !documented.Any(name => name == setting || name.StartsWith(setting + "__", StringComparison.Ordinal))).ToList();
        Assert.True(missing.Count == 0, $"read by the code but not in docs/CONFIGURATION.md: {string.Join(", ", missing)}");
    }

    [Fact]
    public void Every_setting_in_the_configuration_guide_is_read_by_the_code_or_the_framework()
    {
        var read = SettingsTheCodeReads();
        var unknown = DocumentedSettings()
            .Where(name => !FrameworkPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal)))
            .Where(name => !read.Any(setting => setting == name || name.StartsWith(setting + "__", StringComparison.Ordinal)))
            .ToList();
        Assert.True(unknown.Count == 0, $"in docs/CONFIGURATION.md but read by nothing: {string.Join(", ", unknown)}");
    }

    /// <summary>The first two columns (setting, alias) of the service tables: `Section__Key` or `ALIAS` names.</summary>
    private static HashSet<string> DocumentedSettings()
    {
        var guide = File.ReadAllText(RepositoryPaths.Combine("docs", "CONFIGURATION.md"));
        var services = guide[guide.IndexOf("## Backend", StringComparison.Ordinal)..guide.IndexOf("### Commands", StringComparison.Ordinal)];
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in services.Split('\n').Where(line => line.StartsWith("| `", StringComparison.Ordinal)))
        {
            var cells = row.Split('|');
            foreach (Match name in SettingName().Matches(cells[1] + cells[2]))
                names.Add(name.Groups[1].Value);
        }
        return names;
    }

    /// <summary>
    /// The settings read in the product's source, by the patterns this codebase uses: options
    /// classes bound to a <c>Section</c> (their settable properties), <c>section["Key"]</c> reads in
    /// those files, <c>configuration["KEY"]</c> reads, configuration paths such as
    /// <c>"RateLimiting:Auth"</c>, and the aliases given to <c>AddAliases</c>.
    /// </summary>
    private static HashSet<string> SettingsTheCodeReads()
    {
        var settings = new HashSet<string>(StringComparer.Ordinal);
        var files = ProductSources
            .SelectMany(folder => Directory.GetFiles(RepositoryPaths.Combine(folder), "*.cs", SearchOption.AllDirectories))
            .Where(path => !path.Contains("/obj/", StringComparison.Ordinal) && !path.Contains("/bin/", StringComparison.Ordinal) && !path.Contains("/Migrations/", StringComparison.Ordinal));
        foreach (var file in files)
        {
            var source = File.ReadAllText(file);
            if (SectionConstant().Match(source) is { Success: true } section)
            {
                foreach (Match property in SettableProperty().Matches(source))
                    settings.Add($"{section.Groups[1].Value}__{property.Groups[1].Value}");
                foreach (Match key in SectionIndexer().Matches(source))
                    settings.Add($"{section.Groups[1].Value}__{key.Groups[1].Value}");
            }
            foreach (Match key in ConfigurationIndexer().Matches(source))
                settings.Add(key.Groups[1].Value.Replace(":", "__", StringComparison.Ordinal));
            foreach (Match path in ConfigurationPath().Matches(source))
                settings.Add(path.Groups[1].Value.Replace(":", "__", StringComparison.Ordinal));
            foreach (Match call in AliasesCall().Matches(source))
            {
                foreach (Match alias in AliasName().Matches(call.Value))
                    settings.Add(alias.Groups[1].Value);
            }
        }
        return settings;
    }

    [GeneratedRegex(@"`([A-Za-z][A-Za-z0-9]*(?:__[A-Za-z][A-Za-z0-9.]*)+|[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)`")]
    private static partial Regex SettingName();

    [GeneratedRegex(@"const string Section = ""(\w+)""")]
    private static partial Regex SectionConstant();

    [GeneratedRegex(@"public [\w?<>]+ (\w+) \{ get; (?:set|init); \}")]
    private static partial Regex SettableProperty();

    [GeneratedRegex(@"section\[""(\w+)""\]")]
    private static partial Regex SectionIndexer();

    [GeneratedRegex(@"[cC]onfiguration\[""([\w:]+)""\]")]
    private static partial Regex ConfigurationIndexer();

    [GeneratedRegex(@"""((?:ConnectionStrings|RateLimiting|Auth|Database|Llm|Chat|Backend|Shutdown|Kestrel|Telemetry)(?::\w+)+)""")]
    private static partial Regex ConfigurationPath();

    [GeneratedRegex(@"AddAliases\((?:[^;]*?)\);", RegexOptions.Singleline)]
    private static partial Regex AliasesCall();

    [GeneratedRegex(@"\(""([A-Z][A-Z0-9_]+)"",")]
    private static partial Regex AliasName();
}
