using YamlDotNet.RepresentationModel;

namespace TodoChatbot.Deploy.Tests;

/// <summary>Every value a chart takes is explained in its README (the values reference users read).</summary>
public sealed class ChartReadmeTests
{
    // Maps passed through to Kubernetes as they are: documented as a whole, not key by key.
    private static readonly HashSet<string> PassThrough =
        ["resources", "podSecurityContext", "securityContext", "nodeSelector", "affinity", "tolerations",
         "podAnnotations", "podLabels", "topologySpreadConstraints", "extraEnv", "imagePullSecrets", "annotations",
         "allowedPodLabels", "backend", "frontend"];

    [Theory]
    [InlineData("backend")]
    [InlineData("frontend")]
    [InlineData("todo-chatbot")]
    public void Every_value_is_in_the_charts_readme(string chart)
    {
        var readme = File.ReadAllLines(RepositoryPaths.Combine("helm", chart, "README.md"));
        var values = new YamlStream();
        values.Load(new StringReader(File.ReadAllText(RepositoryPaths.Combine("helm", chart, "values.yaml"))));
        var root = (YamlMappingNode)values.Documents[0].RootNode;

        var missing = new List<string>();
        foreach (var (key, value) in root.Children)
        {
            var top = ((YamlScalarNode)key).Value!;
            // A README row names the value in backticks: `top` or `top.child`, children as `.child` or {a,b}.
            if (!readme.Any(line => line.Contains($"`{top}", StringComparison.Ordinal)))
                missing.Add(top);
            if (value is not YamlMappingNode children || PassThrough.Contains(top))
                continue;
            foreach (var child in children.Children.Keys.Select(k => ((YamlScalarNode)k).Value!))
            {
                // `top.child`, `top.{a,child}` or `top.other`, `.child`: the key itself, not a longer word containing it.
                var named = new System.Text.RegularExpressions.Regex($@"[.{{,]{System.Text.RegularExpressions.Regex.Escape(child)}[`}},.]");
                if (!readme.Any(line => line.Contains($"`{top}", StringComparison.Ordinal) && named.IsMatch(line)))
                    missing.Add($"{top}.{child}");
            }
        }
        Assert.True(missing.Count == 0, $"helm/{chart}/README.md does not explain: {string.Join(", ", missing)}");
    }
}
