using k8s;
using k8s.Models;
using YamlDotNet.RepresentationModel;

namespace TodoChatbot.Deploy.Tests;

/// <summary>The real Helm binary (tools/helm/helm from scripts/ci/install-helm.sh, TODO_TEST_HELM, or PATH).</summary>
public static class Helm
{
    public const string DatabaseUrl = "postgresql://todo:pw@db.example:5432/todo?sslmode=require";
    public const string JwtSecret = "test-secret-0123456789-0123456789-0123456789";

    private static readonly Lazy<string?> Binary = new(Find);
    private static readonly SemaphoreSlim DependencyLock = new(1, 1);
    private static bool _dependenciesBuilt;

    /// <summary>Why Helm cannot run here, or null.</summary>
    public static string? Unavailable => Binary.Value is null ? "helm not found (run scripts/ci/install-helm.sh, or set TODO_TEST_HELM)" : null;

    public static string Chart(string name) => RepositoryPaths.Combine("helm", name);

    /// <summary>Runs helm; returns its exit code and everything it printed.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(params string[] arguments)
    {
        TestEnvironment.Require(Unavailable);
        return await Command.RunAsync(Binary.Value!, arguments);
    }

    /// <summary>Runs one of the repository's scripts with this Helm.</summary>
    public static async Task<(int ExitCode, string Output)> RunScriptAsync(string script, params string[] arguments)
    {
        TestEnvironment.Require(Unavailable);
        return await Command.RunAsync("bash", [script, .. arguments], new Dictionary<string, string?> { ["HELM"] = Binary.Value! });
    }

    /// <summary>Renders a chart (with `helm template`) and returns its objects, asserting success.</summary>
    public static async Task<IReadOnlyList<object>> TemplateAsync(string chart, string release = "todo", params string[] extra)
    {
        await EnsureDependenciesAsync();
        var (code, output) = await RunAsync(["template", release, Chart(chart), "--namespace", "todo", .. extra]);
        Assert.True(code == 0, $"helm template {chart} failed:\n{output}");
        return Parse(output);
    }

    /// <summary>
    /// Typed objects from YAML; a field Kubernetes does not know fails the parse. Documents with
    /// only comments (Helm leaves some) are skipped: the parser does not accept empty documents.
    /// Custom resources (the Prometheus Operator's ServiceMonitor), which the client has no type
    /// for, come back as <see cref="CustomResource"/>.
    /// </summary>
    public static IReadOnlyList<object> Parse(string yaml) =>
        System.Text.RegularExpressions.Regex.Split(yaml, @"^---\s*$", System.Text.RegularExpressions.RegexOptions.Multiline)
            .Where(document => document.Contains("kind:", StringComparison.Ordinal))
            .SelectMany(document => CustomResource.IsOne(document)
                ? [CustomResource.Parse(document)]
                : KubernetesYaml.LoadAllFromString(document, typeMap: null, strict: true))
            .Where(document => document is not null)
            .ToList();

    public static string[] WithSecrets(params string[] extra) =>
        ["--set", $"secrets.databaseUrl={DatabaseUrl}", "--set", $"secrets.jwtSecret={JwtSecret}", .. extra];

    public static string[] WithSecretsFor(string chart) => chart == "backend" ? WithSecrets() : [];

    public static string[] UmbrellaWithSecrets(params string[] extra) =>
        ["--set", $"backend.secrets.databaseUrl={DatabaseUrl}", "--set", $"backend.secrets.jwtSecret={JwtSecret}", .. extra];

    /// <summary>
    /// `helm dependency update` for every chart with file:// dependencies, once per test run: the
    /// service charts first (their helm/todo-common), then the umbrella, which packages them.
    /// </summary>
    public static async Task EnsureDependenciesAsync()
    {
        await DependencyLock.WaitAsync();
        try
        {
            if (_dependenciesBuilt)
                return;
            foreach (var chart in new[] { "backend", "frontend", "todo-chatbot" })
            {
                var (code, output) = await RunAsync("dependency", "update", Chart(chart));
                Assert.True(code == 0, output);
            }
            _dependenciesBuilt = true;
        }
        finally
        {
            DependencyLock.Release();
        }
    }

    private static string? Find()
    {
        var configured = Environment.GetEnvironmentVariable("TODO_TEST_HELM");
        if (!string.IsNullOrEmpty(configured))
            return File.Exists(configured) ? configured : null;
        var tools = RepositoryPaths.Combine("tools", "helm", "helm");
        if (File.Exists(tools))
            return tools;
        return (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .Select(directory => Path.Combine(directory, "helm"))
            .FirstOrDefault(File.Exists);
    }
}

public static class ObjectsExtensions
{
    /// <summary>Every pod the objects run: Deployments', StatefulSets' and bare (helm test) pods.</summary>
    public static IEnumerable<(V1ObjectMeta Owner, V1PodSpec Pod)> PodSpecs(this IEnumerable<object> objects) =>
        objects.Workloads().Select(w => (w.Owner, w.Template.Spec))
            .Concat(objects.OfType<V1Pod>().Select(p => (p.Metadata, p.Spec)));

    /// <summary>Deployments and StatefulSets with their pod templates.</summary>
    public static IEnumerable<(V1ObjectMeta Owner, V1PodTemplateSpec Template)> Workloads(this IEnumerable<object> objects) =>
        objects.OfType<V1Deployment>().Select(d => (d.Metadata, d.Spec.Template))
            .Concat(objects.OfType<V1StatefulSet>().Select(s => (s.Metadata, s.Spec.Template)));

    /// <summary>A Secret's value for a key, from stringData or (base64) data.</summary>
    public static string? Value(this V1Secret secret, string key) =>
        secret.StringData?.TryGetValue(key, out var text) == true ? text
        : secret.Data?.TryGetValue(key, out var bytes) == true ? System.Text.Encoding.UTF8.GetString(bytes)
        : null;
}

/// <summary>An object of a custom resource definition, as a YAML tree: <c>resource["spec"]["endpoints"]</c>.</summary>
public sealed record CustomResource(string ApiVersion, string Kind, string Name, YamlMappingNode Root)
{
    private static readonly string[] Groups = ["monitoring.coreos.com/"];

    public static bool IsOne(string document) =>
        Groups.Any(group => document.Contains($"apiVersion: {group}", StringComparison.Ordinal));

    public static CustomResource Parse(string document)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(document));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        return new CustomResource(Scalar(root, "apiVersion"), Scalar(root, "kind"), Scalar((YamlMappingNode)root["metadata"], "name"), root);
    }

    public YamlNode this[string key] => Root[key];

    public static string Scalar(YamlNode node, string key) =>
        ((YamlScalarNode)((YamlMappingNode)node)[key]).Value!;
}
