using System.Text.RegularExpressions;
using k8s;
using k8s.Models;

namespace TodoChatbot.Deploy.Tests;

/// <summary>The plain manifests in k8s/ are exactly what the charts render, and applying them as documented never touches a Secret.</summary>
public sealed class ManifestTests
{
    [Fact]
    public async Task The_plain_manifests_equal_a_fresh_render_of_the_charts()
    {
        TestEnvironment.Require(Helm.Unavailable);
        var output = Path.Combine(Path.GetTempPath(), $"todo-k8s-{Guid.NewGuid():N}");
        try
        {
            var (code, log) = await Helm.RunScriptAsync(RepositoryPaths.Combine("scripts", "k8s", "render-manifests.sh"), output);
            Assert.True(code == 0, log);
            foreach (var service in new[] { "backend", "frontend" })
            {
                var committed = Directory.GetFiles(RepositoryPaths.Combine("k8s", service), "*.yaml").Select(Path.GetFileName).Order().ToArray();
                var fresh = Directory.GetFiles(Path.Combine(output, service), "*.yaml").Select(Path.GetFileName).Order().ToArray();
                Assert.Equal(fresh, committed);
                foreach (var file in fresh)
                {
                    Assert.True(
                        await File.ReadAllTextAsync(Path.Combine(output, service, file!), Cancellation) == await File.ReadAllTextAsync(RepositoryPaths.Combine("k8s", service, file!), Cancellation),
                        $"k8s/{service}/{file} differs from the chart: run scripts/k8s/render-manifests.sh");
                }
            }
        }
        finally
        {
            if (Directory.Exists(output))
                Directory.Delete(output, recursive: true);
        }
    }

    [Fact]
    public async Task The_manifests_parse_and_every_secret_key_they_read_is_in_the_example_env_file()
    {
        var all = KubectlFiles.Read(RepositoryPaths.Combine("k8s"), recursive: true);
        Assert.Equal(2, all.OfType<V1Deployment>().Count());
        // The example is a --from-env-file input, never a manifest that `kubectl apply` would send.
        var exampleKeys = File.ReadAllLines(RepositoryPaths.Combine("k8s", "backend-secret.env.example"))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line[..line.IndexOf('=', StringComparison.Ordinal)])
            .ToArray();
        Assert.Contains("DATABASE_URL", exampleKeys);
        var referenced = all.OfType<V1Deployment>().SelectMany(d => d.Spec.Template.Spec.Containers.Concat(d.Spec.Template.Spec.InitContainers ?? []))
            .SelectMany(c => c.Env ?? []).Select(e => e.ValueFrom?.SecretKeyRef).OfType<V1SecretKeySelector>().ToArray();
        Assert.NotEmpty(referenced);
        Assert.All(referenced, reference =>
        {
            Assert.Equal("todo-chatbot-backend", reference.Name);
            Assert.Contains(reference.Key, exampleKeys);
        });
    }

    /// <summary>
    /// A user who follows the guides runs `kubectl apply -f DIR`: kubectl sends every .yaml, .yml
    /// and .json file in DIR (all folders below it with -R). Not one of those objects may be a
    /// Secret, or applying the manifests overwrites the Secret the user made (it did: the backend
    /// then waited for a database at host "HOST").
    /// </summary>
    [Fact]
    public void No_folder_or_file_a_documented_kubectl_apply_sends_holds_a_secret()
    {
        var applied = DocumentedApplies().ToArray();
        Assert.Contains(applied, a => a.Path == "k8s/backend");
        Assert.Contains(applied, a => a.Path == "k8s/frontend");
        foreach (var (source, path, recursive) in applied)
        {
            var objects = KubectlFiles.Read(RepositoryPaths.Combine(path), recursive);
            Assert.True(objects.Count > 0, $"{source}: kubectl apply -f {path} would send nothing");
            var secrets = objects.OfType<V1Secret>().Select(s => s.Metadata.Name).ToArray();
            Assert.True(secrets.Length == 0, $"{source}: kubectl apply -f {path} would overwrite Secret(s) {string.Join(", ", secrets)}");
        }
        // Also what a user is likely to type without reading: every folder at once, recursively.
        Assert.Empty(KubectlFiles.Read(RepositoryPaths.Combine("k8s"), recursive: true).OfType<V1Secret>());
    }

    [Fact]
    public void The_kubectl_file_reader_finds_a_secret_where_kubectl_would_send_one()
    {
        var folder = Directory.CreateTempSubdirectory("todo-apply-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(folder, "nested"));
            File.WriteAllText(Path.Combine(folder, "a.yml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\n# only a comment\n");
            File.WriteAllText(Path.Combine(folder, "b.json"), """{"apiVersion":"v1","kind":"Secret","metadata":{"name":"b"},"stringData":{"K":"v"}}""");
            File.WriteAllText(Path.Combine(folder, "nested", "c.yaml"), "apiVersion: v1\nkind: Secret\nmetadata:\n  name: c\n");
            File.WriteAllText(Path.Combine(folder, "d.txt"), "apiVersion: v1\nkind: Secret\nmetadata:\n  name: d\n");

            Assert.Equal(["b"], KubectlFiles.Read(folder, recursive: false).OfType<V1Secret>().Select(s => s.Metadata.Name));
            Assert.Equal(["b", "c"], KubectlFiles.Read(folder, recursive: true).OfType<V1Secret>().Select(s => s.Metadata.Name).Order());
            Assert.Single(KubectlFiles.Read(folder, recursive: false).OfType<V1ConfigMap>());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Every `kubectl apply` in the guides, READMEs and scripts that names a path of this repository.</summary>
    private static IEnumerable<(string Source, string Path, bool Recursive)> DocumentedApplies()
    {
        var sources = Directory.GetFiles(RepositoryPaths.Root, "*.md", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(RepositoryPaths.Combine("scripts"), "*", SearchOption.AllDirectories))
            .Where(path => !path.Contains("/tools/", StringComparison.Ordinal) && !path.Contains("/bin/", StringComparison.Ordinal) && !path.Contains("/obj/", StringComparison.Ordinal));
        foreach (var file in sources)
        {
            var lines = File.ReadAllLines(file);
            for (var index = 0; index < lines.Length; index++)
            {
                var command = Regex.Match(lines[index], @"kubectl\s+apply\b([^`|;&]*)");
                if (!command.Success)
                    continue;
                var words = command.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var recursive = words.Any(w => w is "-R" or "--recursive");
                for (var i = 0; i < words.Length - 1; i++)
                {
                    if (words[i] is not ("-f" or "--filename"))
                        continue;
                    var path = words[i + 1].Trim('"', '\'').TrimEnd('/');
                    if (File.Exists(RepositoryPaths.Combine(path)) || Directory.Exists(RepositoryPaths.Combine(path)))
                        yield return ($"{Path.GetRelativePath(RepositoryPaths.Root, file)}:{index + 1}", path, recursive);
                }
            }
        }
    }
}

/// <summary>Reads files the way `kubectl apply -f` does, into typed objects.</summary>
internal static class KubectlFiles
{
    private static readonly string[] Extensions = [".yaml", ".yml", ".json"];

    /// <summary>
    /// A file is read whatever its name; a folder gives its .yaml, .yml and .json files (and
    /// those of every folder below it when <paramref name="recursive"/>, as -R does).
    /// </summary>
    public static IReadOnlyList<object> Read(string path, bool recursive)
    {
        IEnumerable<string> files = File.Exists(path)
            ? [path]
            : Directory.GetFiles(path, "*", recursive ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly)
                .Where(file => Extensions.Contains(Path.GetExtension(file), StringComparer.Ordinal))
                .Order(StringComparer.Ordinal);
        return files.SelectMany(file => Regex.Split(File.ReadAllText(file), @"^---\s*$", RegexOptions.Multiline))
            .Where(document => document.Split('\n').Any(line => line.Trim() is { Length: > 0 } text && !text.StartsWith('#')))
            .SelectMany(document => KubernetesYaml.LoadAllFromString(document, typeMap: null, strict: true))
            .Where(item => item is not null)
            .ToList();
    }
}
