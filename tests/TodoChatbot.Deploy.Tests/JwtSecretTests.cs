using k8s.Models;

namespace TodoChatbot.Deploy.Tests;

/// <summary>
/// The JWT signing secret of the zero-account path: with the development switch
/// (backend.secrets.generateJwtSecret, on in the umbrella's values-dev.yaml only) and no secret
/// given, the chart generates one and keeps it across upgrades, as it does the development
/// database's password; everywhere else a missing secret fails the install, naming the value.
/// </summary>
public sealed class JwtSecretTests
{
    private static string Overlay(string name) => Helm.Chart("todo-chatbot") + $"/values-{name}.yaml";

    [Fact]
    public async Task In_development_with_no_secret_given_one_is_generated()
    {
        // The documented zero-account command: helm install todo helm/todo-chatbot -f …/values-dev.yaml
        var first = JwtSecret(await Helm.TemplateAsync("todo-chatbot", "todo", "-f", Overlay("dev")));
        var second = JwtSecret(await Helm.TemplateAsync("todo-chatbot", "todo", "-f", Overlay("dev")));

        Assert.Matches("^[A-Za-z0-9]{64}$", first.Value("JWT_SECRET"));
        Assert.NotEqual(first.Value("JWT_SECRET"), second.Value("JWT_SECRET")); // random, not a constant
        // Not kept after `helm uninstall`: unlike the database password, nothing outlives the
        // release that needs it (a new one signs everyone out, and loses no data), and the same
        // Secret can hold the API keys a user gave, which an uninstall must not leave behind.
        Assert.False(first.Metadata.Annotations?.ContainsKey("helm.sh/resource-policy") ?? false);
    }

    [Fact]
    public async Task A_given_secret_is_used_as_it_is_even_in_development()
    {
        var secret = JwtSecret(await Helm.TemplateAsync("todo-chatbot", "todo", "-f", Overlay("dev"), "--set", $"backend.secrets.jwtSecret={Helm.JwtSecret}"));
        Assert.Equal(Helm.JwtSecret, secret.Value("JWT_SECRET"));
    }

    public static TheoryData<string, string[]> WithoutASecret => new()
    {
        { "backend", ["--set", $"secrets.databaseUrl={Helm.DatabaseUrl}"] },
        { "todo-chatbot", ["--set", $"backend.secrets.databaseUrl={Helm.DatabaseUrl}"] },
        // Production names its existing Secret; without it, there is still nothing to generate…
        { "todo-chatbot", ["-f", Overlay("prod"), "--set", "backend.existingSecret=", "--set", $"backend.secrets.databaseUrl={Helm.DatabaseUrl}"] },
        // …even layered over the development overlay, which switches generation on.
        { "todo-chatbot", ["-f", Overlay("dev"), "-f", Overlay("prod"), "--set", "backend.existingSecret=", "--set", $"backend.secrets.databaseUrl={Helm.DatabaseUrl}"] },
    };

    [Theory]
    [MemberData(nameof(WithoutASecret))]
    public async Task Outside_development_a_missing_secret_fails_the_install_naming_the_value(string chart, string[] values)
    {
        await Helm.EnsureDependenciesAsync();
        var (code, output) = await Helm.RunAsync(["template", "todo", Helm.Chart(chart), .. values]);
        Assert.NotEqual(0, code);
        Assert.Contains("set secrets.jwtSecret", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_previous_installs_secret_is_kept_and_a_given_one_wins()
    {
        using var chart = new ScratchChart(["todo-common/templates/_secrets.tpl", "backend/templates/_helpers.tpl"], """
            kept: {{ include "backend.jwtSecret" (dict "context" . "existing" (dict "data" (dict "JWT_SECRET" ("kept-jwt-secret" | b64enc)))) }}
            fresh: {{ include "backend.jwtSecret" (dict "context" . "existing" (dict)) }}
            """, values: "backend/values.yaml");

        var generating = await chart.RenderAsync("--set", "secrets.generateJwtSecret=true");
        Assert.Equal("kept-jwt-secret", generating("kept")); // an upgrade keeps everyone signed in
        Assert.Matches("^[A-Za-z0-9]{64}$", generating("fresh"));

        var given = await chart.RenderAsync("--set", "secrets.generateJwtSecret=true", "--set", $"secrets.jwtSecret={Helm.JwtSecret}");
        Assert.Equal(Helm.JwtSecret, given("kept")); // setting a new one replaces the old one
    }

    [Fact]
    public async Task The_chart_asks_about_its_own_secret_and_generation_is_off_unless_switched_on()
    {
        // Looked up by the name it renders the Secret under, in the release's namespace.
        var template = await File.ReadAllTextAsync(Path.Combine(Helm.Chart("backend"), "templates", "secret.yaml"), Cancellation);
        Assert.Contains("""{{- $fullname := include "todo-common.fullname" . }}""", template, StringComparison.Ordinal);
        Assert.Contains("""include "backend.jwtSecret" (dict "context" . "existing" (lookup "v1" "Secret" .Release.Namespace $fullname))""", template, StringComparison.Ordinal);
        var objects = await Helm.TemplateAsync("todo-chatbot", "demo", "-f", Overlay("dev"));
        Assert.Equal("demo-backend", JwtSecret(objects).Metadata.Name);

        var (code, output) = await Helm.RunAsync("show", "values", Helm.Chart("backend"));
        Assert.Equal(0, code);
        Assert.Contains("  generateJwtSecret: false", output, StringComparison.Ordinal);
        Assert.Contains("generateJwtSecret: false", await File.ReadAllTextAsync(Overlay("prod"), Cancellation), StringComparison.Ordinal);
    }

    private static V1Secret JwtSecret(IEnumerable<object> objects) =>
        objects.OfType<V1Secret>().Single(s => s.Metadata.Name.EndsWith("-backend", StringComparison.Ordinal));
}
