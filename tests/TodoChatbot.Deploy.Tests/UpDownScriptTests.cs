using System.Text;

namespace TodoChatbot.Deploy.Tests;

/// <summary>
/// scripts/minikube/up and down run for real against stand-ins for minikube, kubectl, helm and
/// docker: every command they send, in order, on a first install, on a re-run, beside a Secret
/// the user made by hand, and for each way down is asked to clean up.
/// </summary>
public sealed class UpDownScriptTests
{
    private static readonly string[] Prerequisites =
    [
        "minikube version --short",
        "kubectl version --client -o json",
        "helm version --template {{.Version}}",
        "docker version --format {{.Client.Version}}",
        "minikube status",
    ];

    private static readonly string[] Images =
    [
        "minikube image build -t todo-chatbot-backend:0.1.0 -f backend/Dockerfile /",
        "minikube image build -t todo-chatbot-frontend:0.1.0 -f frontend/Dockerfile /",
    ];

    private const string OwnerLookup = "kubectl get secret todo-chatbot-backend -n todo -o 'jsonpath={.metadata.labels.app\\.kubernetes\\.io/managed-by}'";
    private const string JwtLookup = "kubectl get secret todo-chatbot-backend -n todo -o jsonpath={.data.JWT_SECRET}";

    /// <summary>lib.sh's apply_rendered: the object rendered by <c>kubectl create … --dry-run=client -o yaml</c>, piped to <c>kubectl apply</c>.</summary>
    private static string[] ApplyRendered(string create) => [create, "kubectl apply -f -"];

    private static readonly string[] Namespace =
    [
        .. ApplyRendered("kubectl create namespace todo --dry-run=client -o yaml"),
        "kubectl label namespace todo pod-security.kubernetes.io/enforce=restricted --overwrite",
    ];

    private static readonly string[] BackendSecret =
    [
        .. ApplyRendered("kubectl create secret generic todo-chatbot-backend -n todo "),
        "kubectl label secret todo-chatbot-backend -n todo app.kubernetes.io/managed-by=scripts-minikube-up --overwrite",
    ];

    private static string[] Release(bool inClusterDatabase) =>
    [
        "helm status todo -n todo",
        "helm dependency update /",
        $"helm upgrade --install todo {RepositoryPaths.Root}/helm/todo-chatbot -n todo --set backend.existingSecret=todo-chatbot-backend --set global.postgresql.enabled={(inClusterDatabase ? "true" : "false")} --wait --timeout 5m",
    ];

    private static readonly string[] RollingRestart =
    [
        "kubectl rollout restart deployment/todo-backend deployment/todo-frontend -n todo",
        "kubectl rollout status deployment todo-backend -n todo --timeout 5m",
        "kubectl rollout status deployment todo-frontend -n todo --timeout 5m",
    ];

    private static readonly string[] Finish =
    [
        "helm test todo -n todo --timeout 2m",
        "minikube ip",
        "kubectl get service todo-frontend -n todo -o jsonpath={.spec.ports[0].nodePort}",
    ];

    [Fact]
    public async Task A_first_install_starts_minikube_makes_a_secret_and_deploys_the_development_database()
    {
        using var cluster = new SimulatedCluster();
        var (code, output) = await UpAsync(cluster, envFile: null, new() { ["SIM_RELEASE_EXISTS"] = "false", ["SIM_MINIKUBE_RUNNING"] = "false" });

        Assert.True(code == 0, output);
        AssertCalls(cluster, output,
            [.. Prerequisites, "minikube start --cpus=4 --memory=8g --driver=docker", .. Images, OwnerLookup, JwtLookup, .. Namespace, .. BackendSecret, .. Release(inClusterDatabase: true), .. Finish]);
        var secret = Data(cluster.Applied("secret", "todo-chatbot-backend"));
        Assert.Equal(["GROQ_API_KEY", "JWT_SECRET", "OPENAI_API_KEY"], secret.Keys.Order());
        Assert.True(secret["JWT_SECRET"].Length >= 48, "the generated JWT secret is too short");
        Assert.Contains("http://192.168.49.2:30000", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rerun_keeps_the_jwt_secret_takes_the_database_url_from_env_and_rolls_the_pods()
    {
        using var cluster = new SimulatedCluster();
        var (code, output) = await UpAsync(cluster, "DATABASE_URL=\"postgresql://u:pw@ep-made-up.example/db?sslmode=require\"\nGROQ_API_KEY=gsk_made_up\n",
            new() { ["SIM_SECRET_JWT"] = "the-existing-jwt-secret-0123456789abcdef" });

        Assert.True(code == 0, output);
        AssertCalls(cluster, output,
            [.. Prerequisites, .. Images, OwnerLookup, JwtLookup, .. Namespace, .. BackendSecret, .. Release(inClusterDatabase: false), .. RollingRestart, .. Finish]);
        var secret = Data(cluster.Applied("secret", "todo-chatbot-backend"));
        Assert.Equal("the-existing-jwt-secret-0123456789abcdef", secret["JWT_SECRET"]);
        Assert.Equal("postgresql://u:pw@ep-made-up.example/db?sslmode=require", secret["DATABASE_URL"]);
        Assert.Equal("gsk_made_up", secret["GROQ_API_KEY"]);
        Assert.DoesNotContain("pw@ep-made-up", output, StringComparison.Ordinal);
        Assert.DoesNotContain("the-existing-jwt", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_secret_the_user_made_by_hand_is_used_as_it_is_and_never_overwritten()
    {
        using var cluster = new SimulatedCluster();
        var (code, output) = await UpAsync(cluster, "JWT_SECRET=another-secret-from-env-0123456789abcdef\n", new()
        {
            ["SIM_SECRET"] = "hand",
            ["SIM_SECRET_JWT"] = "made-by-hand-jwt-secret-0123456789abcdef",
            ["SIM_SECRET_DATABASE_URL"] = "postgresql://u:pw@ep-by-hand.example/db?sslmode=require",
        });

        Assert.True(code == 0, output);
        const string urlLookup = "kubectl get secret todo-chatbot-backend -n todo -o jsonpath={.data.DATABASE_URL}";
        // The URL in the user's Secret means their database: none is deployed.
        AssertCalls(cluster, output, [.. Prerequisites, .. Images, OwnerLookup, urlLookup, .. Namespace, .. Release(inClusterDatabase: false), .. RollingRestart, .. Finish]);
        Assert.Contains("was not made by up: used as it is", output, StringComparison.Ordinal);
        Assert.Null(cluster.Applied("secret", "todo-chatbot-backend"));
        Assert.Equal("made-by-hand-jwt-secret-0123456789abcdef", File.ReadAllText(Path.Combine(cluster.State, "secret-JWT_SECRET")));
    }

    [Theory]
    [InlineData("up", new string[0], new[] { "helm uninstall todo -n todo --ignore-not-found --wait", DeleteUpsSecret }, "none")]
    [InlineData("hand", new string[0], new[] { "helm uninstall todo -n todo --ignore-not-found --wait", DeleteUpsSecret }, "hand")]
    [InlineData("up", new[] { "--delete-data" }, new[]
    {
        "helm uninstall todo -n todo --ignore-not-found --wait", DeleteUpsSecret,
        "kubectl delete pvc data-todo-postgresql-0 -n todo --ignore-not-found", "kubectl delete secret todo-postgresql -n todo --ignore-not-found",
    }, "none")]
    [InlineData("up", new[] { "--delete-cluster" }, new[] { "helm uninstall todo -n todo --ignore-not-found --wait", DeleteUpsSecret, "minikube delete" }, "none")]
    public async Task Down_removes_what_up_made_and_only_what_it_is_asked_to(string secretMadeBy, string[] arguments, string[] expected, string secretAfter)
    {
        using var cluster = new SimulatedCluster();
        var (code, output) = await cluster.RunAsync("scripts/minikube/down", new Dictionary<string, string> { ["SIM_SECRET"] = secretMadeBy }, arguments);

        Assert.True(code == 0, output);
        AssertCalls(cluster, output, expected);
        Assert.Equal(secretAfter, File.ReadAllText(Path.Combine(cluster.State, "secret-owner")));
    }

    private const string DeleteUpsSecret = "kubectl delete secret -n todo -l app.kubernetes.io/managed-by=scripts-minikube-up --field-selector metadata.name=todo-chatbot-backend";

    private static async Task<(int, string)> UpAsync(SimulatedCluster cluster, string? envFile, Dictionary<string, string> settings)
    {
        var path = Path.Combine(cluster.State, "..", "test.env");
        if (envFile is not null)
            await File.WriteAllTextAsync(path, envFile, Cancellation);
        return await cluster.RunAsync("scripts/minikube/up", settings, "--env-file", path);
    }

    /// <summary>The calls, one for one: each starts with the expected text, and there is none more.</summary>
    private static void AssertCalls(SimulatedCluster cluster, string output, string[] expected)
    {
        var calls = cluster.Calls;
        var report = $"expected:\n  {string.Join("\n  ", expected)}\nsent:\n  {string.Join("\n  ", calls)}\noutput:\n{output}";
        Assert.True(calls.Length == expected.Length, report);
        for (var index = 0; index < expected.Length; index++)
            Assert.True(calls[index].StartsWith(expected[index], StringComparison.Ordinal), $"call {index + 1}\n{report}");
    }

    /// <summary>The decoded data of an applied Secret manifest.</summary>
    private static Dictionary<string, string> Data(string? manifest)
    {
        Assert.NotNull(manifest);
        var secret = Assert.IsType<k8s.Models.V1Secret>(Assert.Single(Helm.Parse(manifest)));
        // An empty value ("") parses as null.
        return secret.Data.ToDictionary(entry => entry.Key, entry => entry.Value is null ? "" : Encoding.UTF8.GetString(entry.Value));
    }
}
