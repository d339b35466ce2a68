using System.Text.RegularExpressions;

namespace TodoChatbot.Deploy.Tests;

/// <summary>
/// scripts/minikube/verify's checks themselves, run against stand-ins for kubectl, helm, curl and
/// minikube that answer like the real tools: every check passes on a healthy release and fails on
/// a bad answer (a missing field, a wrong value, a non-zero exit, one lost request), and large
/// logs, slow answers and a release that is already at Debug do not make a healthy release fail.
/// </summary>
public sealed class VerifyScriptTests
{
    private static readonly string[] Checks =
    [
        "backend Deployment: 2 pods ready",
        "frontend Deployment: 2 pods ready",
        "every pod of the release Running and Ready",
        "namespace enforces the restricted Pod Security profile",
        "backend Service: ClusterIP 8001, 2 endpoints",
        "frontend Service: NodePort 3000->30000, 2 endpoints",
        "ConfigMap and Secret keys the pods read exist",
        "frontend's BACKEND_URL is the backend Service",
        "a frontend pod reaches the backend Service, DB ready",
        "helm test",
        "register, add a task by chat, list it",
        "deleted backend pod replaced, no failed request",
        "deleted frontend pod replaced, no failed request",
        "database pod deleted: data kept (development database)",
        "rollout restart backend, zero failed requests",
        "rollout restart frontend, zero failed requests",
        "helm upgrade < 2 min, logLevel=",
        "helm rollback to revision 3, log level as before",
    ];

    [Fact]
    public async Task A_healthy_release_passes_every_check_and_leaves_the_log_level_where_it_was()
    {
        using var cluster = new SimulatedCluster();
        var (code, output) = await cluster.RunAsync("scripts/minikube/verify", null);

        Assert.True(code == 0, output);
        var table = Table(output);
        Assert.All(Checks, check => Assert.Equal("pass", Outcome(table, check, output)));
        Assert.Contains("helm upgrade < 2 min, logLevel=Debug in the pods", output, StringComparison.Ordinal);
        Assert.Contains("every check passed", output, StringComparison.Ordinal);
        // Every disruption ran under the request loop, which counted answers and lost none.
        Assert.True(6 == table.Values.Count(row => Regex.IsMatch(row.Detail, @"^\d+ requests, 0 failed;")), output);
        Assert.Contains(cluster.Calls, call => call == "helm rollback todo 3 -n todo --wait --timeout 5m");
        Assert.Equal("Information", File.ReadAllText(Path.Combine(cluster.State, "log-level")));
    }

    [Fact]
    public async Task A_release_already_at_Debug_with_large_logs_and_slow_answers_passes()
    {
        using var cluster = new SimulatedCluster();
        var (code, output) = await cluster.RunAsync("scripts/minikube/verify", new Dictionary<string, string>
        {
            ["SIM_LOG_LEVEL"] = "Debug",
            ["SIM_LOG_LINES"] = "20000",
            ["SIM_DELAY_rollout_status"] = "1",
            ["SIM_DELAY_logs"] = "1",
            ["SIM_DELAY_helm_upgrade"] = "2",
        });

        Assert.True(code == 0, output);
        var table = Table(output);
        Assert.All(Checks, check => Assert.Equal("pass", Outcome(table, check, output)));
        // It changes the level to one the release is not at, and rolls back to Debug.
        Assert.Contains("helm upgrade < 2 min, logLevel=Information in the pods", output, StringComparison.Ordinal);
        Assert.Contains(cluster.Calls, call => call.Contains("--set backend.config.logLevel=Information", StringComparison.Ordinal));
        Assert.Equal("Debug", File.ReadAllText(Path.Combine(cluster.State, "log-level")));
    }

    public static TheoryData<string, string[], string[], string> BadAnswers => new()
    {
        {
            "objects",
            [
                "SIM_ANSWER_deployment_status_todo_frontend=2||2|2", // no pod ready yet: readyReplicas is left out
                "SIM_ANSWER_pods=todo-backend-7c9f6d5b8-x2kqp Running False\ntodo-backend-7c9f6d5b8-m4zrt Running True\n",
                "SIM_ANSWER_namespace_level=baseline",
                "SIM_ANSWER_endpoints_todo_backend=10.244.0.7",
                "SIM_EXIT_secret_key_JWT_SECRET=1",
                "SIM_ANSWER_configmap_backend_url_todo_frontend=http://localhost:8001",
                "SIM_EXIT_exec=1", "SIM_ERROR_exec=command terminated with exit code 1",
                "SIM_EXIT_helm_test=1", "SIM_ERROR_helm_test=Error: 1 error occurred:\n\t* pod todo-backend-test-connection failed",
            ],
            [
                "frontend Deployment: 2 pods ready", "every pod of the release Running and Ready",
                "namespace enforces the restricted Pod Security profile", "backend Service: ClusterIP 8001, 2 endpoints",
                "ConfigMap and Secret keys the pods read exist", "frontend's BACKEND_URL is the backend Service",
                "a frontend pod reaches the backend Service, DB ready", "helm test",
                "deleted frontend pod replaced, no failed request", // it checks the Deployment once the pod is back
            ],
            "missing: secret/todo-chatbot-backend:JWT_SECRET"
        },
        {
            "disruptions",
            [
                "SIM_LOAD_FAIL_AT=2", // one request of the loop lost, while a backend pod is replaced
                "SIM_EXIT_rollout_status_todo_frontend=1", "SIM_ERROR_rollout_status_todo_frontend=error: timed out waiting for the condition",
                "SIM_ANSWER_logs={\"EventId\":2,\"LogLevel\":\"Information\",\"Category\":\"Microsoft.AspNetCore.Hosting.Diagnostics\",\"Message\":\"Request finished\"}\n",
                "SIM_EXIT_helm_rollback=1", "SIM_ERROR_helm_rollback=Error: timed out waiting for the condition",
            ],
            [
                "deleted backend pod replaced, no failed request", "deleted frontend pod replaced, no failed request",
                "rollout restart frontend, zero failed requests", "helm upgrade < 2 min, logLevel=",
                "helm rollback to revision 3, log level as before",
            ],
            "1 failed (000 x1)"
        },
        {
            "failing tools and lost data",
            [
                "SIM_EXIT_pods=1", // the API server fails the list: not a pass for want of bad pods
                "SIM_EXIT_endpoints_todo_frontend=1",
                "SIM_ANSWER_http_tasks=[]",
            ],
            [
                "every pod of the release Running and Ready", "frontend Service: NodePort 3000->30000, 2 endpoints",
                "register, add a task by chat, list it", "database pod deleted: data kept (development database)",
            ],
            "the task is gone"
        },
    };

    [Theory]
    [MemberData(nameof(BadAnswers))]
    public async Task Each_bad_answer_fails_its_check_and_only_that(string scenario, string[] settings, string[] failing, string says)
    {
        using var cluster = new SimulatedCluster();
        var (code, output) = await cluster.RunAsync("scripts/minikube/verify", settings.Select(s => s.Split('=', 2)).ToDictionary(s => s[0], s => s[1]));

        Assert.True(code == 1, $"{scenario}: exit {code}\n{output}");
        var table = Table(output);
        foreach (var check in Checks)
            Assert.True((failing.Contains(check) ? "FAIL" : "pass") == Outcome(table, check, output), $"{scenario}: '{check}' is {Outcome(table, check, output)}\n{output}");
        Assert.Contains($"{failing.Length} check(s) failed", output, StringComparison.Ordinal);
        Assert.Contains(says, output, StringComparison.Ordinal); // and says what it saw
    }

    [Fact]
    public async Task The_rollback_check_fails_when_the_level_is_not_the_one_found_before_the_upgrade()
    {
        using var cluster = new SimulatedCluster();
        // A rollback that "succeeds" but leaves the upgraded value: helm says it worked, the ConfigMap says otherwise.
        var (code, output) = await cluster.RunAsync("scripts/minikube/verify", new Dictionary<string, string> { ["SIM_ROLLBACK_KEEPS_VALUES"] = "true" });

        Assert.Equal(1, code);
        Assert.Matches(@"helm rollback to revision 3, log level as before\s+FAIL\s+ConfigMap at Debug after the rollback, not Information as before the upgrade", output);
    }

    [Fact]
    public async Task The_stand_in_kubectl_dies_of_SIGPIPE_when_its_reader_stops_early_as_the_real_one_does()
    {
        // The pipeline verify used to run: under pipefail it fails although the line is there.
        using var cluster = new SimulatedCluster();
        var (code, output) = await cluster.RunAsync("/bin/bash", new Dictionary<string, string> { ["SIM_LOG_LEVEL"] = "Debug" },
            "-c", "set -o pipefail; kubectl -n todo logs todo-backend-7c9f6d5b8-x2kqp -c backend | grep -q '\"LogLevel\":\"Debug\"'");

        // 141 (killed by SIGPIPE) from a terminal; 1 (EPIPE) here, where the test host ignores SIGPIPE
        // and its children inherit that. Either way the pipeline fails although the line is there.
        Assert.True(code != 0, $"exit {code}: {output}");
    }

    /// <summary>The closing table: criterion → (outcome, detail).</summary>
    private static Dictionary<string, (string Outcome, string Detail)> Table(string output)
    {
        var rows = new Dictionary<string, (string, string)>();
        var lines = output.Split('\n');
        var header = Array.FindLastIndex(lines, line => line.StartsWith("criterion ", StringComparison.Ordinal));
        Assert.True(header >= 0, $"no result table in:\n{output}");
        foreach (var line in lines.Skip(header + 1))
        {
            var row = Regex.Match(line, @"^(.+?)\s{2,}(pass|FAIL|planned)\b\s*(.*)$");
            if (row.Success)
                rows[row.Groups[1].Value] = (row.Groups[2].Value, row.Groups[3].Value);
        }
        return rows;
    }

    private static string Outcome(Dictionary<string, (string Outcome, string Detail)> table, string check, string output)
    {
        var matches = table.Where(row => row.Key.StartsWith(check, StringComparison.Ordinal)).ToArray();
        Assert.True(matches.Length == 1, $"'{check}' is {matches.Length} times in the table:\n{output}");
        return matches[0].Value.Outcome;
    }
}
