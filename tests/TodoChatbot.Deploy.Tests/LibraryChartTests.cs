using k8s.Models;
using YamlDotNet.RepresentationModel;

namespace TodoChatbot.Deploy.Tests;

/// <summary>
/// The charts as one design: what both services do alike is in the library chart helm/todo-common,
/// so the service charts no longer repeat each other; the environments are the umbrella's, once,
/// for both; the shared half of the values schemas has one source.
/// </summary>
public sealed class LibraryChartTests
{
    // Lines two unrelated templates may share anyway: `{{- end }}`, `metadata:`, `spec:`, an
    // include of the same library helper. A near-copy shares dozens (the deployments once shared 94).
    private const int MostSharedLines = 8;

    [Fact]
    public void No_template_of_one_service_chart_is_a_near_copy_of_one_of_the_other()
    {
        var backend = Templates("backend");
        var frontend = Templates("frontend");
        Assert.NotEmpty(backend);
        Assert.NotEmpty(frontend);

        var copies = (from b in backend
                      from f in frontend
                      let shared = SharedLines(b.Value, f.Value)
                      where shared > MostSharedLines
                      select $"helm/backend/templates/{b.Key} and helm/frontend/templates/{f.Key} share {shared} lines").ToList();
        Assert.True(copies.Count == 0, "move what they share into helm/todo-common:\n" + string.Join("\n", copies));
    }

    [Fact]
    public async Task The_library_chart_lints_strictly()
    {
        var (code, output) = await Helm.RunAsync("lint", "--strict", Helm.Chart("todo-common"));
        Assert.True(code == 0, output);
    }

    [Fact]
    public void Each_template_says_only_what_is_the_services_own()
    {
        // The library's pieces are used, not re-implemented: the Deployment, Service and
        // PodDisruptionBudget of each service chart are the library's, called with its arguments.
        foreach (var chart in new[] { "backend", "frontend" })
        {
            var templates = Templates(chart);
            Assert.Contains("include \"todo-common.deployment\"", string.Join("\n", templates["deployment.yaml"]), StringComparison.Ordinal);
            Assert.Contains("include \"todo-common.service\"", string.Join("\n", templates["service.yaml"]), StringComparison.Ordinal);
            Assert.Contains("include \"todo-common.podDisruptionBudget\"", string.Join("\n", templates["pdb.yaml"]), StringComparison.Ordinal);
            Assert.DoesNotContain(templates.Values.SelectMany(lines => lines), line => line.Contains("define \"" + chart + ".fullname\"", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void The_environment_overlays_exist_once_in_the_umbrella_chart()
    {
        foreach (var chart in new[] { "backend", "frontend", "todo-common" })
            Assert.Empty(Directory.GetFiles(Helm.Chart(chart), "values-*.yaml"));
        Assert.True(File.Exists(Path.Combine(Helm.Chart("todo-chatbot"), "values-dev.yaml")));
        Assert.True(File.Exists(Path.Combine(Helm.Chart("todo-chatbot"), "values-prod.yaml")));
    }

    [Fact]
    public void The_umbrella_values_repeat_no_default_of_the_service_charts()
    {
        var umbrella = Load(Path.Combine(Helm.Chart("todo-chatbot"), "values.yaml"));
        var repeated = new List<string>();
        foreach (var chart in new[] { "backend", "frontend" })
        {
            var defaults = Leaves(Load(Path.Combine(Helm.Chart(chart), "values.yaml")), "");
            if (!umbrella.Children.TryGetValue(new YamlScalarNode(chart), out var section))
                continue;
            foreach (var (path, value) in Leaves(section, ""))
            {
                if (defaults.TryGetValue(path, out var own) && own == value)
                    repeated.Add($"{chart}{path}: {value}");
            }
        }
        Assert.True(repeated.Count == 0, "helm/todo-chatbot/values.yaml repeats: " + string.Join(", ", repeated));
    }

    [Theory]
    [InlineData(new string[0], "backend", "frontend")]
    [InlineData(new[] { "--set", "backend.nameOverride=api", "--set", "frontend.nameOverride=web" }, "api", "web")]
    public async Task In_production_both_services_spread_over_the_nodes_selecting_their_own_pods(string[] extra, string backendName, string frontendName)
    {
        var objects = await Helm.TemplateAsync("todo-chatbot", "todo", ["-f", Helm.Chart("todo-chatbot") + "/values-prod.yaml", .. extra]);

        var deployments = objects.OfType<V1Deployment>().ToList();
        Assert.Equal(2, deployments.Count);
        Assert.Equal([backendName, frontendName], deployments.Select(d => d.Spec.Selector.MatchLabels["app.kubernetes.io/name"]).Order());
        foreach (var deployment in deployments)
        {
            Assert.Equal(3, deployment.Spec.Replicas);
            var spread = Assert.Single(deployment.Spec.Template.Spec.TopologySpreadConstraints);
            Assert.Equal(("kubernetes.io/hostname", 1), (spread.TopologyKey, spread.MaxSkew));
            // The very labels the Deployment selects its pods by, whatever the chart is called.
            Assert.Equal(deployment.Spec.Selector.MatchLabels, spread.LabelSelector.MatchLabels);
        }
    }

    [Fact]
    public async Task A_spread_constraint_with_its_own_selector_is_kept_as_given()
    {
        var objects = await Helm.TemplateAsync("frontend", "todo", "--set-json",
            """topologySpreadConstraints=[{"maxSkew":2,"topologyKey":"topology.kubernetes.io/zone","whenUnsatisfiable":"DoNotSchedule","labelSelector":{"matchLabels":{"tier":"web"}}}]""");
        var spread = Assert.Single(Assert.Single(objects.OfType<V1Deployment>()).Spec.Template.Spec.TopologySpreadConstraints);
        Assert.Equal(new Dictionary<string, string> { ["tier"] = "web" }, spread.LabelSelector.MatchLabels);
        Assert.Equal(2, spread.MaxSkew);
    }

    /// <summary>The committed values.schema.json files are what the generator makes of the shared and the charts' own parts.</summary>
    [Fact]
    public async Task The_service_charts_schemas_are_generated_from_one_shared_source()
    {
        var output = Directory.CreateTempSubdirectory("todo-schemas").FullName;
        try
        {
            var (code, log) = await Command.RunAsync("bash", [RepositoryPaths.Combine("scripts", "helm", "generate-schemas.sh"), output], cancellationToken: Cancellation);
            Assert.True(code == 0, log);
            foreach (var chart in new[] { "backend", "frontend" })
            {
                Assert.True(
                    await File.ReadAllTextAsync(Path.Combine(output, chart, "values.schema.json"), Cancellation) == await File.ReadAllTextAsync(Path.Combine(Helm.Chart(chart), "values.schema.json"), Cancellation),
                    $"helm/{chart}/values.schema.json differs from its sources: edit helm/todo-common/values.schema.common.json or helm/{chart}/values.schema.own.json, then run scripts/helm/generate-schemas.sh");
            }
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    private static Dictionary<string, string[]> Templates(string chart)
    {
        var root = Path.Combine(Helm.Chart(chart), "templates");
        return Directory.GetFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(file => Path.GetRelativePath(root, file), File.ReadAllLines);
    }

    /// <summary>Non-blank lines (trimmed) the two files have in common, each counted as often as both have it.</summary>
    private static int SharedLines(string[] a, string[] b)
    {
        var counts = a.Select(l => l.Trim()).Where(l => l.Length > 0).GroupBy(l => l).ToDictionary(g => g.Key, g => g.Count());
        var shared = 0;
        foreach (var line in b.Select(l => l.Trim()).Where(l => l.Length > 0))
        {
            if (counts.TryGetValue(line, out var left) && left > 0)
            {
                counts[line] = left - 1;
                shared++;
            }
        }
        return shared;
    }

    private static YamlMappingNode Load(string file)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(file)));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    /// <summary>Every scalar or sequence under a node, by its dotted path (".a.b").</summary>
    private static Dictionary<string, string> Leaves(YamlNode node, string path)
    {
        var leaves = new Dictionary<string, string>(StringComparer.Ordinal);
        if (node is YamlMappingNode mapping)
        {
            foreach (var (key, value) in mapping.Children)
            {
                foreach (var leaf in Leaves(value, $"{path}.{((YamlScalarNode)key).Value}"))
                    leaves[leaf.Key] = leaf.Value;
            }
        }
        else
        {
            leaves[path] = node is YamlScalarNode scalar ? scalar.Value ?? "" : node.ToString();
        }
        return leaves;
    }
}
