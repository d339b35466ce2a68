namespace TodoChatbot.EndToEnd.Tests;

/// <summary>
/// The service processes a test started: their output for a failure message, all stopped at the
/// end; then what the test put in front of them (a balancer), which must outlive their draining.
/// </summary>
internal sealed class ProcessGroup : IAsyncDisposable
{
    private readonly List<ServiceProcess> _processes = [];
    private readonly List<IAsyncDisposable> _infrastructure = [];

    public ServiceProcess Track(ServiceProcess process)
    {
        _processes.Add(process);
        return process;
    }

    public T Own<T>(T infrastructure) where T : IAsyncDisposable
    {
        _infrastructure.Add(infrastructure);
        return infrastructure;
    }

    public string Outputs => string.Join("\n---\n", _processes.Select(p => p.Output));

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _processes)
            await process.DisposeAsync();
        foreach (var resource in _infrastructure)
            await resource.DisposeAsync();
    }
}
