using System.Diagnostics;
using TodoChatbot.Testing;

namespace TodoChatbot.Deploy.Tests;

/// <summary>The Minikube scripts, checked without a cluster: their --dry-run plan, and shellcheck on every script.</summary>
public sealed class ScriptTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Up_dry_run_prints_every_step_in_order_and_no_secret()
    {
        var envFile = Path.Combine(Path.GetTempPath(), $"todo-{Guid.NewGuid():N}.env");
        await File.WriteAllTextAsync(envFile, "DATABASE_URL=postgresql://user:SuperSecretPw@db.example/todo?sslmode=require\nJWT_SECRET=AnotherSecretValue0123456789012345\n", Cancellation);
        try
        {
            var (code, output) = await RunAsync("scripts/minikube/up", "--dry-run", "--env-file", envFile);

            Assert.True(code == 0, output);
            var expectedInOrder = new[]
            {
                "minikube start --cpus=4 --memory=8g --driver=docker",
                "minikube image build -t todo-chatbot-backend:0.1.0 -f backend/Dockerfile",
                "minikube image build -t todo-chatbot-frontend:0.1.0 -f frontend/Dockerfile",
                "kubectl create secret generic todo-chatbot-backend",
                "helm upgrade --install todo",
                "helm test todo",
                "minikube service todo-frontend",
            };
            var position = 0;
            foreach (var command in expectedInOrder)
            {
                var found = output.IndexOf(command, position, StringComparison.Ordinal);
                Assert.True(found >= 0, $"'{command}' missing or out of order in:\n{output}");
                position = found;
            }
            Assert.Contains("--wait", output, StringComparison.Ordinal);
            Assert.DoesNotContain("SuperSecretPw", output, StringComparison.Ordinal);
            Assert.DoesNotContain("AnotherSecretValue", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(envFile);
        }
    }

    [Fact]
    public async Task Down_dry_run_uninstalls_and_deletes_the_cluster_only_when_asked()
    {
        var (_, plain) = await RunAsync("scripts/minikube/down", "--dry-run");
        var (code, all) = await RunAsync("scripts/minikube/down", "--dry-run", "--delete-cluster");

        Assert.Equal(0, code);
        Assert.Contains("helm uninstall todo", plain, StringComparison.Ordinal);
        Assert.DoesNotContain("minikube delete", plain, StringComparison.Ordinal);
        Assert.Contains("minikube delete", all, StringComparison.Ordinal);
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
            .Concat(new[] { "scripts/minikube/up", "scripts/minikube/down", ".ci/run" }.Select(path => RepositoryPaths.Combine(path)))
            .ToArray();
        Assert.True(scripts.Length > 10);
        var (code, output) = await RunAsync(shellcheck!, ["-x", .. scripts]);
        Assert.True(code == 0, output);
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file.StartsWith('/') ? file : RepositoryPaths.Combine(file))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryPaths.Root,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(Cancellation);
        var error = process.StandardError.ReadToEndAsync(Cancellation);
        await process.WaitForExitAsync(Cancellation);
        return (process.ExitCode, await output + await error);
    }
}
