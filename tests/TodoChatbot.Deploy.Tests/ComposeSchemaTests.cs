namespace TodoChatbot.Deploy.Tests;

/// <summary>
/// Both compose files against the Compose Specification's own JSON schema (Compose v2 is what users
/// run, and only Compose 1.29 can run here): parsed, interpolated and validated as compose-go does,
/// by scripts/compose/validate.mjs.
/// </summary>
public sealed class ComposeSchemaTests
{
    private static string? Unavailable =>
        !File.Exists(RepositoryPaths.Combine("tools", "node", ".installed")) ? "the npm test tools are not installed (scripts/ci/install-node-tools.sh)"
        : !Executable("node") ? "node is not installed"
        : null;

    [Fact]
    public async Task Both_compose_files_are_valid_compose_specification_documents()
    {
        TestEnvironment.Require(Unavailable);
        var (code, output) = await ValidateAsync(null, "docker-compose.yml", "docker-compose.dev.yml");

        Assert.True(code == 0, output);
        Assert.Contains("docker-compose.yml: valid", output, StringComparison.Ordinal);
        Assert.Contains("docker-compose.dev.yml: valid", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_misspelt_key_a_wrong_condition_or_a_bad_interpolated_port_is_rejected_by_name()
    {
        TestEnvironment.Require(Unavailable);
        var broken = Path.Combine(Path.GetTempPath(), $"todo-compose-{Guid.NewGuid():N}.yml");
        var text = await File.ReadAllTextAsync(RepositoryPaths.Combine("docker-compose.yml"), Cancellation);
        await File.WriteAllTextAsync(broken, text
            .Replace("      interval: 5s", "      intervall: 5s", StringComparison.Ordinal)
            .Replace("condition: service_healthy", "condition: service_healty", StringComparison.Ordinal), Cancellation);
        try
        {
            var (code, output) = await ValidateAsync(null, broken);
            Assert.Equal(1, code);
            Assert.Contains("/services/postgres/healthcheck: must NOT have additional properties (intervall)", output, StringComparison.Ordinal);
            Assert.Contains("/services/migrate/depends_on/postgres/condition: must be equal to one of the allowed values", output, StringComparison.Ordinal);

            // The port comes from ${FRONTEND_PORT:-3000}: it is checked after interpolation, as Compose does.
            var (portCode, portOutput) = await ValidateAsync(new() { ["FRONTEND_PORT"] = "not-a-port" }, "docker-compose.yml");
            Assert.Equal(1, portCode);
            Assert.Contains("/services/frontend/ports/0: must match format \"ports\"", portOutput, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(broken);
        }
    }

    private static Task<(int, string)> ValidateAsync(Dictionary<string, string>? settings, params string[] files)
    {
        // The defaults in the files, whatever the test run exports.
        var environment = new[] { "FRONTEND_PORT", "SDK_IMAGE", "RUNTIME_IMAGE", "POSTGRES_IMAGE", "TODO_VERSION", "DATABASE_URL" }
            .ToDictionary(name => name, _ => (string?)null);
        foreach (var (name, value) in settings ?? [])
            environment[name] = value;
        return Command.RunAsync("node", [RepositoryPaths.Combine("scripts", "compose", "validate.mjs"), .. files], environment, cancellationToken: Cancellation);
    }

    private static bool Executable(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(folder => File.Exists(Path.Combine(folder, name)));
}
