using k8s.Models;
using TodoChatbot.Testing;

namespace TodoChatbot.Deploy.Tests;

/// <summary>The plain manifests in k8s/ are exactly what the charts render, and hold no secret.</summary>
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
                var committed = Directory.GetFiles(RepositoryPaths.Combine("k8s", service), "*.yaml").Where(f => !f.EndsWith("secret.example.yaml", StringComparison.Ordinal)).Select(Path.GetFileName).Order().ToArray();
                var fresh = Directory.GetFiles(Path.Combine(output, service), "*.yaml").Select(Path.GetFileName).Order().ToArray();
                Assert.Equal(fresh, committed);
                foreach (var file in fresh)
                {
                    Assert.True(
                        await File.ReadAllTextAsync(Path.Combine(output, service, file!), TestContext.Current.CancellationToken) == await File.ReadAllTextAsync(RepositoryPaths.Combine("k8s", service, file!), TestContext.Current.CancellationToken),
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
    public async Task The_manifests_parse_and_the_secret_is_only_an_example()
    {
        var all = new List<object>();
        foreach (var file in Directory.GetFiles(RepositoryPaths.Combine("k8s"), "*.yaml", SearchOption.AllDirectories))
            all.AddRange(Helm.Parse(await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken)));
        Assert.Equal(2, all.OfType<V1Deployment>().Count());
        var secret = Assert.Single(all.OfType<V1Secret>());
        Assert.Contains("REPLACE", secret.StringData["JWT_SECRET"], StringComparison.Ordinal);
        Assert.Contains("PASSWORD", secret.StringData["DATABASE_URL"], StringComparison.Ordinal);
        var referenced = all.OfType<V1Deployment>().SelectMany(d => d.Spec.Template.Spec.Containers.Concat(d.Spec.Template.Spec.InitContainers ?? []))
            .SelectMany(c => c.Env ?? []).Select(e => e.ValueFrom?.SecretKeyRef).OfType<V1SecretKeySelector>();
        Assert.All(referenced, reference =>
        {
            Assert.Equal(secret.Metadata.Name, reference.Name);
            Assert.Contains(reference.Key, secret.StringData.Keys);
        });
    }
}
