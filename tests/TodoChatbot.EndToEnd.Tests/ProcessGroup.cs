using TodoChatbot.Testing;

namespace TodoChatbot.EndToEnd.Tests;

/// <summary>The service processes a test started: their output for a failure message, all stopped at the end.</summary>
internal sealed class ProcessGroup : IAsyncDisposable
{
    private readonly List<ServiceProcess> _processes = [];

    public ServiceProcess Track(ServiceProcess process)
    {
        _processes.Add(process);
        return process;
    }

    public string Outputs => string.Join("\n---\n", _processes.Select(p => p.Output));

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _processes)
            await process.DisposeAsync();
    }
}
