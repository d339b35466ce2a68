namespace TodoChatbot.Deploy.Tests;

/// <summary>The Minikube scripts, checked without a cluster: their --dry-run plan, and shellcheck on every script.</summary>
public sealed class ScriptTests
{
    [Fact]
    public async Task Up_dry_run_prints_every_step_in_order_and_no_secret()
    {
        var (code, output) = await UpDryRunAsync("DATABASE_URL=postgresql://user:SuperSecretPw@db.example/todo?sslmode=require\nJWT_SECRET=AnotherSecretValue0123456789012345\n");

        Assert.True(code == 0, output);
        AssertInOrder(output,
            "minikube start --cpus=4 --memory=8g --driver=docker",
            "minikube image build -t todo-chatbot-backend:0.1.0 -f backend/Dockerfile",
            "minikube image build -t todo-chatbot-frontend:0.1.0 -f frontend/Dockerfile",
            "kubectl label namespace todo pod-security.kubernetes.io/enforce=restricted --overwrite",
            "kubectl create secret generic todo-chatbot-backend",
            "helm upgrade --install todo",
            "kubectl rollout restart deployment/todo-backend deployment/todo-frontend -n todo",
            "helm test todo",
            "http://$(minikube ip):$(kubectl get service todo-frontend -n todo");
        Assert.Contains("--wait", output, StringComparison.Ordinal);
        // A DATABASE_URL: that database, and none deployed in the cluster.
        AssertSays(output, "--set global.postgresql.enabled=false", "--from-literal=DATABASE_URL=***", "no PostgreSQL is deployed");
        AssertNeverSays(output, "SuperSecretPw", "AnotherSecretValue");
    }

    [Theory]
    [InlineData("DATABASE_URL=\nJWT_SECRET=AnotherSecretValue0123456789012345\n")]
    [InlineData(null)] // no .env at all
    public async Task Up_without_a_database_url_deploys_the_development_database_and_says_so(string? envFileContent)
    {
        var (code, output) = await UpDryRunAsync(envFileContent);

        Assert.True(code == 0, output);
        AssertSays(output, "no DATABASE_URL in", "a development PostgreSQL runs in the cluster", "--set global.postgresql.enabled=true", "--from-literal=JWT_SECRET=***");
        // The backend's Secret then holds no database URL: the chart wires the in-cluster one.
        AssertNeverSays(output, "DATABASE_URL=");
    }

    [Fact]
    public async Task Down_dry_run_uninstalls_and_deletes_data_and_cluster_only_when_asked()
    {
        var (_, plain) = await RunAsync("scripts/minikube/down", "--dry-run");
        var (_, data) = await RunAsync("scripts/minikube/down", "--dry-run", "--delete-data");
        var (code, all) = await RunAsync("scripts/minikube/down", "--dry-run", "--delete-cluster");

        Assert.Equal(0, code);
        AssertSays(plain, "helm uninstall todo", "kept: PersistentVolumeClaim data-todo-postgresql-0");
        AssertNeverSays(plain, "minikube delete", "kubectl delete pvc");
        AssertSays(data, "kubectl delete pvc data-todo-postgresql-0 -n todo", "kubectl delete secret todo-postgresql -n todo");
        AssertSays(all, "minikube delete");
    }

    [Fact]
    public async Task Verify_dry_run_prints_the_commands_its_checks_send_in_order()
    {
        var (code, output) = await RunAsync("scripts/minikube/verify", "--dry-run");

        Assert.True(code == 0, output);
        // The checks ran against the simulated release: what is printed is what they sent.
        AssertInOrder(output,
            "+ kubectl -n todo get deployment todo-backend -o 'jsonpath={.spec.replicas}|{.status.readyReplicas}|{.status.updatedReplicas}|{.status.availableReplicas}'",
            "planned: backend Deployment: 2 pods ready",
            "planned: frontend Deployment: 2 pods ready",
            "+ kubectl -n todo get pods -l app.kubernetes.io/instance=todo -o 'jsonpath={range .items[*]}",
            "planned: every pod of the release Running and Ready",
            "+ kubectl get namespace todo -o 'jsonpath={.metadata.labels.pod-security\\.kubernetes\\.io/enforce}'",
            "planned: namespace enforces the restricted Pod Security profile",
            "+ kubectl -n todo get endpoints todo-backend -o 'jsonpath={.subsets[*].addresses[*].ip}'",
            "planned: frontend Service: NodePort 3000->30000, 2 endpoints",
            "+ kubectl -n todo get secret todo-chatbot-backend -o jsonpath={.data.JWT_SECRET}",
            "planned: ConfigMap and Secret keys the pods read exist",
            "+ kubectl -n todo exec deployment/todo-frontend -c frontend -- dotnet TodoChatbot.Web.dll healthcheck http://todo-backend:8001/readyz 200",
            "+ helm test todo -n todo --timeout 2m",
            "-X POST http://192.168.49.2:30000/bff/register",
            "+ kubectl -n todo delete pod todo-backend-",
            "+ kubectl -n todo delete pod todo-frontend-",
            "+ kubectl -n todo delete pod todo-postgresql-0 --wait=true",
            "+ kubectl -n todo rollout restart deployment todo-backend",
            "+ kubectl -n todo rollout restart deployment todo-frontend",
            "+ helm history todo -n todo --max 1 -o json",
            "+ kubectl -n todo get configmap todo-backend -o jsonpath={.data.Logging__LogLevel__Default}",
            "--reuse-values --set backend.config.logLevel=Debug --wait --timeout 5m",
            "+ kubectl -n todo logs todo-backend-",
            "+ helm rollback todo 3 -n todo --wait --timeout 5m",
            "criterion");
        Assert.DoesNotContain(" FAIL ", output, StringComparison.Ordinal);
        Assert.Equal(18, output.Split('\n').Count(line => System.Text.RegularExpressions.Regex.IsMatch(line, @"^\S.*\s{2,}planned\s*$")));
        // Every disruption runs under the request loop.
        Assert.Equal(6, output.Split("(background) GET http://192.168.49.2:30000/api/<user>/tasks").Length - 1);
    }

    [Fact]
    public async Task Verify_reports_a_failed_check_in_its_table_and_exit_code()
    {
        var (code, output) = await RunAsync("scripts/minikube/verify", "--app-only", "--url", $"http://127.0.0.1:{ServiceProcess.FreePort()}");

        Assert.Equal(1, code);
        Assert.Matches(@"register, add a task by chat, list it\s+FAIL\s+curl: \(7\)", output);
        Assert.Contains("1 check(s) failed", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_option_is_a_one_line_error()
    {
        var (code, output) = await RunAsync("scripts/minikube/up", "--bogus");
        Assert.NotEqual(0, code);
        Assert.Equal("error: unknown option --bogus (see --help)", output.Trim());
    }

    [Fact]
    public async Task Every_shell_script_is_shellcheck_clean()
    {
        var shellcheck = new[] { "/usr/bin/shellcheck", "/usr/local/bin/shellcheck" }.FirstOrDefault(File.Exists);
        TestEnvironment.Require(shellcheck is null ? "shellcheck is not installed (apt-get install shellcheck)" : null);
        var scripts = Directory.GetFiles(RepositoryPaths.Root, "*.sh", SearchOption.AllDirectories)
            .Where(path => !path.Contains("/bin/", StringComparison.Ordinal) && !path.Contains("/obj/", StringComparison.Ordinal) && !path.Contains("/tools/", StringComparison.Ordinal))
            .Concat(new[] { "scripts/minikube/up", "scripts/minikube/down", "scripts/minikube/verify", ".ci/run" }.Select(path => RepositoryPaths.Combine(path)))
            .ToArray();
        Assert.True(scripts.Length > 10);
        var (code, output) = await RunAsync(shellcheck!, ["-x", .. scripts]);
        Assert.True(code == 0, output);
    }

    /// <summary>Every phrase stands somewhere in the output, in any order.</summary>
    private static void AssertSays(string output, params string[] phrases)
    {
        foreach (var phrase in phrases)
            Assert.Contains(phrase, output, StringComparison.Ordinal);
    }

    private static void AssertNeverSays(string output, params string[] phrases)
    {
        foreach (var phrase in phrases)
            Assert.DoesNotContain(phrase, output, StringComparison.Ordinal);
    }

    /// <summary>Every phrase stands in the output, none of them before the one listed before it.</summary>
    private static void AssertInOrder(string output, params string[] phrases)
    {
        var position = 0;
        foreach (var phrase in phrases)
        {
            var found = output.IndexOf(phrase, position, StringComparison.Ordinal);
            Assert.True(found >= 0, $"'{phrase}' missing or out of order in:\n{output}");
            position = found;
        }
    }

    /// <summary>`up --dry-run` with an env file of this content (null: no file at all).</summary>
    private static async Task<(int ExitCode, string Output)> UpDryRunAsync(string? envFileContent)
    {
        var envFile = Path.Combine(Path.GetTempPath(), $"todo-{Guid.NewGuid():N}.env");
        if (envFileContent is not null)
            await File.WriteAllTextAsync(envFile, envFileContent, Cancellation);
        try
        {
            return await RunAsync("scripts/minikube/up", "--dry-run", "--env-file", envFile);
        }
        finally
        {
            File.Delete(envFile);
        }
    }

    private static Task<(int ExitCode, string Output)> RunAsync(string file, params string[] arguments) =>
        Command.RunAsync(file.StartsWith('/') ? file : RepositoryPaths.Combine(file), arguments, cancellationToken: Cancellation);
}
