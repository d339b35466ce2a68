using k8s.Models;

namespace TodoChatbot.Deploy.Tests;

/// <summary>
/// The umbrella chart's development PostgreSQL (global.postgresql.enabled) and the backend's wiring
/// to it: present only when switched on, never in production, its password generated once and kept.
/// </summary>
public sealed class DevDatabaseTests
{
    public static TheoryData<string[]> WithoutDatabase => new()
    {
        Helm.UmbrellaWithSecrets(),
        new[] { "-f", Helm.Chart("todo-chatbot") + "/values-prod.yaml" },
        // values-prod.yaml keeps it off even when layered over values-dev.yaml.
        Helm.UmbrellaWithSecrets("-f", Helm.Chart("todo-chatbot") + "/values-dev.yaml", "-f", Helm.Chart("todo-chatbot") + "/values-prod.yaml"),
    };

    [Theory]
    [MemberData(nameof(WithoutDatabase))]
    public async Task Off_by_default_and_in_production_the_backend_reads_its_own_secret(string[] values)
    {
        var objects = await Helm.TemplateAsync("todo-chatbot", "todo", values);

        Assert.Empty(objects.OfType<V1StatefulSet>());
        Assert.DoesNotContain(objects.OfType<V1Secret>(), s => s.Metadata.Name == "todo-postgresql");
        foreach (var container in BackendContainers(objects))
        {
            var url = Assert.Single(container.Env, v => v.Name == "DATABASE_URL");
            Assert.Null(url.Value);
            Assert.NotEqual("todo-postgresql", url.ValueFrom.SecretKeyRef.Name);
            Assert.DoesNotContain(container.Env, v => v.Name == "DATABASE_PASSWORD");
        }
    }

    [Theory]
    [InlineData("todo")]
    [InlineData("demo")]
    public async Task Switched_on_it_runs_one_restricted_postgres_pod_on_a_volume_and_wires_the_backend(string release)
    {
        // values-dev.yaml switches it on; no database URL is given anywhere.
        var objects = await Helm.TemplateAsync("todo-chatbot", release,
            "-f", Helm.Chart("todo-chatbot") + "/values-dev.yaml", "--set", $"backend.secrets.jwtSecret={Helm.JwtSecret}");
        var name = $"{release}-postgresql";

        var database = Assert.Single(objects.OfType<V1StatefulSet>());
        Assert.Equal((name, name, 1), (database.Metadata.Name, database.Spec.ServiceName, database.Spec.Replicas ?? 0));
        var service = Assert.Single(objects.OfType<V1Service>(), s => s.Metadata.Name == name);
        Assert.Equal("None", service.Spec.ClusterIP);
        Assert.Equal(5432, service.Spec.Ports.Single().Port);

        var claim = Assert.Single(database.Spec.VolumeClaimTemplates);
        Assert.Equal("1Gi", claim.Spec.Resources.Requests["storage"].ToString());
        Assert.Null(claim.Spec.StorageClassName); // the cluster's default (Minikube's standard)
        var container = Assert.Single(database.Spec.Template.Spec.Containers);
        Assert.StartsWith("postgres:16", container.Image, StringComparison.Ordinal);
        Assert.Contains(container.VolumeMounts, m => m.Name == claim.Metadata.Name && m.MountPath == "/var/lib/postgresql/data");
        Assert.Equal("/var/lib/postgresql/data/pgdata", container.Env.Single(v => v.Name == "PGDATA").Value);
        // Writable places of the read-only root, on emptyDirs.
        foreach (var path in new[] { "/var/run/postgresql", "/tmp" })
        {
            var mount = Assert.Single(container.VolumeMounts, m => m.MountPath == path);
            Assert.NotNull(database.Spec.Template.Spec.Volumes.Single(v => v.Name == mount.Name).EmptyDir);
        }
        // Probes with the image's own binary, no shell.
        Assert.Equal(["pg_isready", "-h", "127.0.0.1", "-U", "todo", "-d", "todo"], container.ReadinessProbe.Exec.Command);
        Assert.Equal(container.ReadinessProbe.Exec.Command, container.StartupProbe.Exec.Command);
        Assert.Equal("postgresql", container.LivenessProbe.TcpSocket.Port.Value);
        Assert.Equal(70, database.Spec.Template.Spec.SecurityContext.FsGroup);

        // The password: generated (32 characters), in a Secret that outlives `helm uninstall` as the volume does.
        var secret = Assert.Single(objects.OfType<V1Secret>(), s => s.Metadata.Name == name);
        Assert.Equal("keep", secret.Metadata.Annotations["helm.sh/resource-policy"]);
        Assert.Matches("^[A-Za-z0-9]{32}$", secret.Value("password"));
        var reference = container.Env.Single(v => v.Name == "POSTGRES_PASSWORD").ValueFrom.SecretKeyRef;
        Assert.Equal((name, "password"), (reference.Name, reference.Key));

        // The backend (migrations and API) reaches it by the Service's name, with that password.
        foreach (var backend in BackendContainers(objects))
        {
            Assert.Equal($"postgresql://todo@{name}:5432/todo", backend.Env.Single(v => v.Name == "DATABASE_URL").Value);
            var password = backend.Env.Single(v => v.Name == "DATABASE_PASSWORD").ValueFrom.SecretKeyRef;
            Assert.Equal((name, "password"), (password.Name, password.Key));
        }
        // And its own Secret holds no database URL.
        Assert.Null(objects.OfType<V1Secret>().Single(s => s.Metadata.Name == $"{release}-backend").Value("DATABASE_URL"));
    }

    [Fact]
    public async Task The_image_and_volume_are_values()
    {
        var objects = await Helm.TemplateAsync("todo-chatbot", "todo", Helm.UmbrellaWithSecrets(
            "--set", "global.postgresql.enabled=true", "--set", "postgresql.image.repository=registry.local/postgres",
            "--set", "postgresql.image.tag=17-alpine", "--set", "postgresql.persistence.size=5Gi", "--set", "postgresql.persistence.storageClass=fast"));
        var database = Assert.Single(objects.OfType<V1StatefulSet>());
        Assert.Equal("registry.local/postgres:17-alpine", database.Spec.Template.Spec.Containers.Single().Image);
        Assert.Equal(("5Gi", "fast"), (database.Spec.VolumeClaimTemplates.Single().Spec.Resources.Requests["storage"].ToString(), database.Spec.VolumeClaimTemplates.Single().Spec.StorageClassName));
    }

    [Theory]
    [InlineData("postgresql.image.tag=latest", "postgresql/image/tag")]
    [InlineData("postgresql.image.repository=", "postgresql/image/repository")]
    [InlineData("postgresql.persistence.size=lots", "postgresql/persistence/size")]
    [InlineData("global.postgresql.enabled=yes", "global/postgresql/enabled")]
    public async Task The_schema_rejects_bad_database_values(string setting, string where)
    {
        await Helm.TemplateAsync("todo-chatbot", "todo", Helm.UmbrellaWithSecrets()); // dependencies built
        var (code, output) = await Helm.RunAsync(["template", "todo", Helm.Chart("todo-chatbot"), .. Helm.UmbrellaWithSecrets("--set", setting)]);
        Assert.NotEqual(0, code);
        Assert.Contains(where, output, StringComparison.Ordinal);
    }

    /// <summary>
    /// `lookup` finds nothing under `helm template`, so the keep-or-generate choice is tested by
    /// rendering the chart's own helper (the very file) in a scratch chart, with and without the
    /// Secret a previous install left.
    /// </summary>
    [Fact]
    public async Task The_password_is_kept_when_the_secret_exists_and_generated_only_when_it_does_not()
    {
        var chart = Directory.CreateTempSubdirectory("todo-password-chart").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(chart, "templates"));
            await File.WriteAllTextAsync(Path.Combine(chart, "Chart.yaml"), "apiVersion: v2\nname: password-logic\nversion: 0.1.0\n", Cancellation);
            File.Copy(Path.Combine(Helm.Chart("todo-chatbot"), "templates", "_helpers.tpl"), Path.Combine(chart, "templates", "_helpers.tpl"));
            // The generate-once helper it calls, from the library chart.
            File.Copy(Path.Combine(Helm.Chart("todo-common"), "templates", "_secrets.tpl"), Path.Combine(chart, "templates", "_secrets.tpl"));
            await File.WriteAllTextAsync(Path.Combine(chart, "templates", "cases.yaml"), """
                kept: {{ include "todo-chatbot.postgresql.password" (dict "existing" (dict "data" (dict "password" "a2VwdC1wYXNzd29yZA=="))) }}
                fresh: {{ include "todo-chatbot.postgresql.password" (dict "existing" (dict)) }}
                again: {{ include "todo-chatbot.postgresql.password" (dict "existing" (dict)) }}
                """, Cancellation);

            var (code, output) = await Helm.RunAsync("template", "todo", chart);

            Assert.True(code == 0, output);
            string Case(string name) => output.Split('\n').Single(line => line.StartsWith(name + ": ", StringComparison.Ordinal))[(name.Length + 2)..].Trim();
            Assert.Equal("a2VwdC1wYXNzd29yZA==", Case("kept")); // the existing value, untouched
            var fresh = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(Case("fresh")));
            Assert.Matches("^[A-Za-z0-9]{32}$", fresh);
            Assert.NotEqual(Case("fresh"), Case("again")); // random, not a constant

            // And the chart asks that helper about the very Secret it renders: looked up by the
            // same name in the release's namespace (a wrong name would mean a new password on
            // every upgrade, and a database that no longer accepts the backend).
            var template = await File.ReadAllTextAsync(Path.Combine(Helm.Chart("todo-chatbot"), "templates", "postgresql.yaml"), Cancellation);
            Assert.Contains("""include "todo-chatbot.postgresql.password" (dict "existing" (lookup "v1" "Secret" .Release.Namespace $fullname))""", template, StringComparison.Ordinal);
            Assert.Matches(@"kind: Secret\s+metadata:\s+name: \{\{ \$fullname \}\}", template);
        }
        finally
        {
            Directory.Delete(chart, recursive: true);
        }
    }

    private static IEnumerable<V1Container> BackendContainers(IEnumerable<object> objects)
    {
        var pod = objects.OfType<V1Deployment>().Single(d => d.Metadata.Name.EndsWith("-backend", StringComparison.Ordinal)).Spec.Template.Spec;
        return pod.Containers.Concat(pod.InitContainers);
    }
}
