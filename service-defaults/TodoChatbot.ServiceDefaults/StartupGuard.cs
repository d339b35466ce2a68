using Microsoft.Extensions.Options;

namespace TodoChatbot.ServiceDefaults;

/// <summary>A configuration mistake that makes starting pointless; its message says what to set.</summary>
public sealed class StartupConfigurationException(string message) : Exception(message);

public static class StartupGuard
{
    /// <summary>
    /// Runs the service and turns configuration mistakes into a one-line reason on stderr and
    /// exit code 1, instead of a stack trace an operator has to read backwards.
    /// </summary>
    public static async Task<int> RunAsync(string serviceName, Func<Task<int>> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        try
        {
            return await run();
        }
        catch (Exception exception) when (exception is StartupConfigurationException or OptionsValidationException)
        {
            await Console.Error.WriteLineAsync($"{serviceName}: cannot start: {exception.Message}");
            return 1;
        }
    }
}
