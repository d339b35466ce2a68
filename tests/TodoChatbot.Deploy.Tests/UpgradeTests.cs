using k8s.Models;

namespace TodoChatbot.Deploy.Tests;

/// <summary>
/// `helm upgrade` from the charts as released before the library chart (version 0.1.0, kept as
/// Fixtures/helm-charts-0.1.0.tar.gz: the helm/ folder of commit ebdcc7f, so that the test needs
/// no git history; a CI clone may be shallow) to these: every object keeps its name and its fields that Kubernetes will not change in
/// place (selectors, the database's volume claim), and the development database's password and
/// the backend's JWT secret, as a cluster holds them after the old install, are kept by the new
/// chart's lookup helpers (fed that Secret, as DevDatabaseTests does).
/// </summary>
public sealed class UpgradeTests : IAsyncLifetime
{
    private static string PreviousCharts => RepositoryPaths.Combine("tests", "TodoChatbot.Deploy.Tests", "Fixtures", "helm-charts-0.1.0.tar.gz");

    private readonly string _old = Directory.CreateTempSubdirectory("todo-old-charts").FullName;
    private string OldUmbrella => Path.Combine(_old, "helm", "todo-chatbot");

    public async ValueTask InitializeAsync()
    {
        TestEnvironment.Require(Helm.Unavailable);
        var (code, output) = await Command.RunAsync("tar", ["-xzf", PreviousCharts, "-C", _old], cancellationToken: Cancellation);
        Assert.True(code == 0, $"cannot unpack {PreviousCharts}:\n{output}");
        (code, output) = await Helm.RunAsync("dependency", "update", OldUmbrella);
        Assert.True(code == 0, output);
        await Helm.EnsureDependenciesAsync();
    }

    public ValueTask DisposeAsync()
    {
        Directory.Delete(_old, recursive: true);
        return ValueTask.CompletedTask;
    }

    public static TheoryData<string, string[]> Installs => new()
    {
        // The zero-account path, as 0.1.0 needed it (a JWT secret given) and as this one takes it (none).
        { "values-dev.yaml", ["--set", $"backend.secrets.jwtSecret={Helm.JwtSecret}"] },
        { "values-prod.yaml", [] },
    };

    [Theory]
    [MemberData(nameof(Installs))]
    public async Task Every_object_keeps_its_name_and_what_cannot_change_in_place(string overlay, string[] oldOnly)
    {
        var old = await RenderAsync(OldUmbrella, ["-f", Path.Combine(OldUmbrella, overlay), .. oldOnly]);
        var current = await Helm.TemplateAsync("todo-chatbot", "todo", "-f", Path.Combine(Helm.Chart("todo-chatbot"), overlay));

        static string Key(object o) => $"{o.GetType().Name}/{((IMetadata<V1ObjectMeta>)o).Metadata.Name}";
        Assert.Equal(old.Select(Key).Order(), current.Select(Key).Order());
        T Same<T>(T before) where T : IMetadata<V1ObjectMeta> => current.OfType<T>().Single(o => o.Metadata.Name == before.Metadata.Name);

        foreach (var before in old.OfType<V1Deployment>())
        {
            var after = Same(before);
            Assert.Equal(before.Spec.Selector.MatchLabels, after.Spec.Selector.MatchLabels); // immutable
            // The containers' environment: the same Secrets and keys, the same database.
            var containers = (V1Deployment d) => d.Spec.Template.Spec.Containers.Concat(d.Spec.Template.Spec.InitContainers ?? []);
            Assert.Equal(containers(before).Select(c => (c.Name, c.Image, Env(c))), containers(after).Select(c => (c.Name, c.Image, Env(c))));
        }
        foreach (var before in old.OfType<V1StatefulSet>())
        {
            var after = Same(before);
            Assert.Equal(before.Spec.Selector.MatchLabels, after.Spec.Selector.MatchLabels);
            Assert.Equal(before.Spec.ServiceName, after.Spec.ServiceName);
            // The claim the data lives on: a different name or size would be a new, empty volume.
            Assert.Equal(
                before.Spec.VolumeClaimTemplates.Select(c => (c.Metadata.Name, c.Spec.Resources.Requests["storage"].ToString(), string.Join(",", c.Spec.AccessModes))),
                after.Spec.VolumeClaimTemplates.Select(c => (c.Metadata.Name, c.Spec.Resources.Requests["storage"].ToString(), string.Join(",", c.Spec.AccessModes))));
        }
        foreach (var before in old.OfType<V1Service>())
        {
            var after = Same(before);
            Assert.Equal((before.Spec.Type, before.Spec.ClusterIP), (after.Spec.Type, after.Spec.ClusterIP));
            Assert.Equal(before.Spec.Selector, after.Spec.Selector);
            Assert.Equal(before.Spec.Ports.Select(p => (p.Name, p.Port, p.NodePort, p.TargetPort.Value)), after.Spec.Ports.Select(p => (p.Name, p.Port, p.NodePort, p.TargetPort.Value)));
        }
    }

    [Fact]
    public async Task The_development_database_password_and_the_jwt_secret_of_the_old_install_are_kept()
    {
        // What the cluster holds after `helm install` of 0.1.0 with the dev overlay: its Secrets,
        // as the API server returns them to `lookup` (stringData is stored as base64 data).
        var old = await RenderAsync(OldUmbrella, "-f", Path.Combine(OldUmbrella, "values-dev.yaml"), "--set", $"backend.secrets.jwtSecret={Helm.JwtSecret}");
        var database = old.OfType<V1Secret>().Single(s => s.Metadata.Name == "todo-postgresql");
        var backend = old.OfType<V1Secret>().Single(s => s.Metadata.Name == "todo-backend");
        var live = Path.Combine(_old, "live.yaml");
        await File.WriteAllTextAsync(live, $$"""
            live:
              database: { data: { password: {{Convert.ToBase64String(database.Data["password"])}} } }
              backend: { data: { JWT_SECRET: {{Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(backend.Value("JWT_SECRET")!))}} } }
            """, Cancellation);

        // The new charts' own helpers, as their templates call them with the lookup's result.
        using var chart = new ScratchChart(
            ["todo-common/templates/_secrets.tpl", "todo-chatbot/templates/_helpers.tpl", "backend/templates/_helpers.tpl"], """
            password: {{ include "todo-chatbot.postgresql.password" (dict "existing" .Values.live.database) }}
            jwtSecret: {{ include "backend.jwtSecret" (dict "context" . "existing" .Values.live.backend) }}
            """, values: "backend/values.yaml");
        // The upgrade as the zero-account path now runs it: values-dev.yaml, no JWT secret given.
        var upgraded = await chart.RenderAsync("-f", live, "--set", "secrets.generateJwtSecret=true");

        Assert.Equal(Convert.ToBase64String(database.Data["password"]), upgraded("password"));
        Assert.Equal(Helm.JwtSecret, upgraded("jwtSecret"));
        // And the new chart renders those Secrets under the names the old install gave them (so its
        // lookups find them) with the keys the pods read.
        var current = await Helm.TemplateAsync("todo-chatbot", "todo", "-f", Path.Combine(Helm.Chart("todo-chatbot"), "values-dev.yaml"));
        Assert.Single(current.OfType<V1Secret>(), s => s.Metadata.Name == database.Metadata.Name && s.Value("password") is not null);
        Assert.Single(current.OfType<V1Secret>(), s => s.Metadata.Name == backend.Metadata.Name && s.Value("JWT_SECRET") is not null);
    }

    private static string Env(V1Container container) =>
        string.Join(";", (container.Env ?? []).Select(e => $"{e.Name}={e.Value}|{e.ValueFrom?.SecretKeyRef?.Name}/{e.ValueFrom?.SecretKeyRef?.Key}/{e.ValueFrom?.SecretKeyRef?.Optional}"));

    private static async Task<IReadOnlyList<object>> RenderAsync(string chart, params string[] values)
    {
        var (code, output) = await Helm.RunAsync(["template", "todo", chart, "--namespace", "todo", .. values]);
        Assert.True(code == 0, output);
        return Helm.Parse(output);
    }

}
