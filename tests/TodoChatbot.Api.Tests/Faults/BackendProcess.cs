using System.Net.Http.Headers;

namespace TodoChatbot.Api.Tests.Faults;

/// <summary>
/// The built API as a real process in Production mode on a loopback port, for faults only a
/// process shows (signals, kill -9, a database that goes away under it), with a signed-in client.
/// </summary>
public sealed class BackendProcess : IAsyncDisposable
{
    private BackendProcess(ServiceProcess process, int port)
    {
        Process = process;
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(20) };
    }

    public ServiceProcess Process { get; }

    /// <summary>A client for the API; <see cref="SignInAsync"/> adds a user's bearer token to it.</summary>
    public HttpClient Client { get; }

    public string UserId { get; private set; } = "";

    public string Tasks => $"/api/{UserId}/tasks";

    /// <summary>Starts the API on <paramref name="database"/> (migrating it) and waits until /readyz answers 200.</summary>
    public static async Task<BackendProcess> StartAsync(string database, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var port = ServiceProcess.FreePort();
        var environment = BackendEnvironment.Production(database, new Uri($"http://127.0.0.1:{port}"));
        environment["Database__MigrateOnStartup"] = "true";
        environment["RateLimiting__Chat__PermitLimit"] = "100000";
        foreach (var (name, value) in settings ?? new Dictionary<string, string?>())
            environment[name] = value;
        var process = ServiceProcess.Start(RepositoryPaths.ServiceAssembly("backend", "TodoChatbot.Api"), [], environment);
        var backend = new BackendProcess(process, port);
        await HttpWait.UntilOkAsync(new Uri(backend.Client.BaseAddress!, "/readyz"), TimeSpan.FromSeconds(90), process);
        return backend;
    }

    /// <summary>Registers a new user and makes <see cref="Client"/> act as them.</summary>
    public async Task SignInAsync(CancellationToken cancellationToken)
    {
        var register = await Client.PostAsJsonAsync("/api/auth/register",
            new RegisterRequest($"fault-{Guid.NewGuid():N}@example.com", "correct horse battery"), ContractJson.Options, cancellationToken);
        Assert.True(register.IsSuccessStatusCode, $"register answered {(int)register.StatusCode}\n{Process.Output}");
        var auth = (await register.Content.ReadFromJsonAsync<AuthResponse>(ContractJson.Options, cancellationToken))!;
        UserId = auth.User.Id;
        Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", auth.Token);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Process.DisposeAsync();
    }
}
