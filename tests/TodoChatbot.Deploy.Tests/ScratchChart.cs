namespace TodoChatbot.Deploy.Tests;

/// <summary>
/// A throw-away chart holding some of the real charts' helper files and a template of cases, for
/// logic `helm template` cannot reach in a real chart: `lookup` finds nothing without a cluster, so
/// the keep-or-generate helpers are called here with the Secret a previous install left.
/// </summary>
public sealed class ScratchChart : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("todo-scratch-chart").FullName;

    /// <param name="helpers">Files to copy, relative to helm/ (e.g. "backend/templates/_helpers.tpl").</param>
    /// <param name="cases">The template: one `name: {{ … }}` line per case.</param>
    /// <param name="values">Copied as the scratch chart's values.yaml (relative to helm/), or none.</param>
    public ScratchChart(IEnumerable<string> helpers, string cases, string? values = null)
    {
        Directory.CreateDirectory(System.IO.Path.Combine(Path, "templates"));
        File.WriteAllText(System.IO.Path.Combine(Path, "Chart.yaml"), "apiVersion: v2\nname: scratch\nversion: 0.1.0\n");
        foreach (var helper in helpers)
            File.Copy(System.IO.Path.Combine(Helm.Chart(""), helper), System.IO.Path.Combine(Path, "templates", helper.Replace('/', '_')));
        if (values is not null)
            File.Copy(System.IO.Path.Combine(Helm.Chart(""), values), System.IO.Path.Combine(Path, "values.yaml"));
        File.WriteAllText(System.IO.Path.Combine(Path, "templates", "cases.yaml"), cases);
    }

    /// <summary>Renders the cases and returns each case's value by name, asserting success.</summary>
    public async Task<Func<string, string>> RenderAsync(params string[] extra)
    {
        var (code, output) = await Helm.RunAsync(["template", "todo", Path, .. extra]);
        Assert.True(code == 0, output);
        return name => output.Split('\n').Single(line => line.StartsWith(name + ": ", StringComparison.Ordinal))[(name.Length + 2)..].Trim().Trim('"');
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
