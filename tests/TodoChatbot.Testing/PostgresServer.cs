using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Npgsql;

namespace TodoChatbot.Testing;

/// <summary>
/// A real, throw-away PostgreSQL server for the test run: initdb in a temp folder, listening on a
/// free loopback port with SSL on (a self-signed certificate made here, since Neon only accepts
/// SSL) and password authentication. Started once per test process; every test class gets its own
/// database. Set TODO_TEST_PG_BIN to choose the server binaries.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private static readonly Lazy<Task<PostgresServer>> Shared = new(StartAsync);
    private readonly string _binDirectory;
    private readonly string _root;
    private readonly bool _runAsPostgresUser;
    private string _serverOptions = "";

    private PostgresServer(string binDirectory, string root, int port, string password, bool runAsPostgresUser)
    {
        _binDirectory = binDirectory;
        _root = root;
        Port = port;
        Password = password;
        _runAsPostgresUser = runAsPostgresUser;
    }

    public const string User = "postgres";
    public string Host => "127.0.0.1";
    public int Port { get; }
    public string Password { get; }
    private string DataDirectory => Path.Combine(_root, "data");

    /// <summary>The process-wide server, or the reason it could not start.</summary>
    public static async Task<(PostgresServer? Server, string? Unavailable)> GetSharedAsync()
    {
        try
        {
            return (await Shared.Value, null);
        }
#pragma warning disable CA1031 // The reason is reported to the test (skip locally, fail under CI).
        catch (Exception exception)
#pragma warning restore CA1031
        {
            return (null, $"PostgreSQL test server could not start: {exception.Message}");
        }
    }

    /// <summary>The process-wide server; the test is skipped (failed under CI=true) when none can start.</summary>
    public static async Task<PostgresServer> RequireSharedAsync()
    {
        var (server, unavailable) = await GetSharedAsync();
        TestEnvironment.Require(unavailable);
        return server!;
    }

    /// <summary>A new, empty database on the process-wide server (see <see cref="RequireSharedAsync"/>).</summary>
    public static async Task<string> RequireDatabaseAsync(string prefix) =>
        await (await RequireSharedAsync()).CreateDatabaseAsync(prefix);

    /// <summary>Creates an empty database and returns an Npgsql connection string for it.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(63, prefix.Length + 33)].ToLowerInvariant();
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    public string ConnectionString(string database, SslMode sslMode = SslMode.Disable) => new NpgsqlConnectionStringBuilder
    {
        Host = Host,
        Port = Port,
        Database = database,
        Username = User,
        Password = Password,
        SslMode = sslMode,
        Pooling = true,
    }.ConnectionString;

    /// <summary>
    /// A server of the caller's own, for a test that stops and starts it (an outage must not hit
    /// the other tests' shared server), or the test skipped (failed under CI) with the reason why
    /// none could start. Dispose it to delete it.
    /// </summary>
    public static async Task<PostgresServer> StartDedicatedAsync()
    {
        try
        {
            return await StartAsync();
        }
        catch (Exception exception) when (exception is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            TestEnvironment.Require($"PostgreSQL test server could not start: {exception.Message}");
            throw;
        }
    }

    private static async Task<PostgresServer> StartAsync()
    {
        var bin = FindBinDirectory();
        var root = Path.Combine(Path.GetTempPath(), $"todo-pg-{Guid.NewGuid():N}"[..20]);
        Directory.CreateDirectory(root);
        // initdb refuses to run as root: when the tests do (CI does), the server runs as 'postgres'.
        var asPostgres = Environment.UserName == "root";
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var server = new PostgresServer(bin, root, ServiceProcess.FreePort(), password, asPostgres);
        await server.InitializeAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.StopAsync().GetAwaiter().GetResult();
        return server;
    }

    private async Task InitializeAsync()
    {
        var passwordFile = Path.Combine(_root, "pwfile");
        await File.WriteAllTextAsync(passwordFile, Password);
        WriteSelfSignedCertificate();
        if (_runAsPostgresUser)
            await RunAsync("chown", ["-R", "postgres:postgres", _root], asPostgres: false);

        await RunAsync(Path.Combine(_binDirectory, "initdb"),
            ["-D", DataDirectory, "-U", User, "--pwfile", passwordFile, "--auth-host=scram-sha-256", "--auth-local=trust", "-E", "UTF8", "--no-sync"]);

        _serverOptions = string.Join(' ',
            $"-c port={Port}",
            $"-c listen_addresses={Host}",
            $"-c unix_socket_directories={_root}",
            "-c ssl=on",
            $"-c ssl_cert_file={Path.Combine(_root, "server.crt")}",
            $"-c ssl_key_file={Path.Combine(_root, "server.key")}",
            // Durability is not what these tests measure; speed is welcome.
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off",
            "-c max_connections=200");
        await StartServerAsync();
    }

    /// <summary>Starts the server (again, after <see cref="StopServerAsync"/>) on the same port with the same data.</summary>
    public Task StartServerAsync() => RunAsync(Path.Combine(_binDirectory, "pg_ctl"),
        ["-D", DataDirectory, "-l", Path.Combine(_root, "server.log"), "-o", _serverOptions, "-w", "-t", "60", "start"]);

    /// <summary>
    /// Stops the server as an operator or a container stop does (fast shutdown: clients are
    /// disconnected), keeping its data for <see cref="StartServerAsync"/>.
    /// </summary>
    public Task StopServerAsync() => RunAsync(Path.Combine(_binDirectory, "pg_ctl"), ["-D", DataDirectory, "-m", "fast", "-w", "stop"]);

    private void WriteSelfSignedCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        File.WriteAllText(Path.Combine(_root, "server.crt"), certificate.ExportCertificatePem());
        var keyFile = Path.Combine(_root, "server.key");
        File.WriteAllText(keyFile, key.ExportPkcs8PrivateKeyPem());
        // PostgreSQL refuses a key file others can read. (Windows has no initdb here to refuse it.)
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(keyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    public async Task StopAsync()
    {
        if (!Directory.Exists(DataDirectory))
            return;
        try
        {
            await RunAsync(Path.Combine(_binDirectory, "pg_ctl"), ["-D", DataDirectory, "-m", "immediate", "-w", "stop"]);
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }
        Directory.Delete(_root, recursive: true);
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private Task RunAsync(string file, IReadOnlyList<string> arguments) => RunAsync(file, arguments, _runAsPostgresUser);

    // initdb and pg_ctl refuse to run as root: then they run as 'postgres' through runuser.
    private static Task RunAsync(string file, IReadOnlyList<string> arguments, bool asPostgres) => asPostgres
        ? Command.RunCheckedAsync("runuser", ["-u", "postgres", "--", file, .. arguments])
        : Command.RunCheckedAsync(file, arguments);

    private static string FindBinDirectory()
    {
        var configured = Environment.GetEnvironmentVariable("TODO_TEST_PG_BIN");
        if (!string.IsNullOrEmpty(configured))
            return configured;
        var installed = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(directory => Path.Combine(directory, "bin"))
                .Where(bin => File.Exists(Path.Combine(bin, "initdb")))
                .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var major) ? major : 0)
                .FirstOrDefault()
            : null;
        return installed ?? throw new InvalidOperationException(
            "no PostgreSQL server binaries found (install the postgresql package, or set TODO_TEST_PG_BIN)");
    }
}
