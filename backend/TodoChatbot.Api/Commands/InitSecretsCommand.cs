using System.Security.Cryptography;

namespace TodoChatbot.Api.Commands;

/// <summary>
/// <c>TodoChatbot.Api init-secrets DIR</c>: writes a random JWT signing secret and a random
/// database password into DIR, once (existing files are kept, so restarts keep the same values).
/// docker compose runs it as a one-shot service so that the local stack starts with no secret in
/// git, in an image or in a compose default, and with nothing for the user to type.
/// </summary>
public static class InitSecretsCommand
{
    public const string Name = "init-secrets";
    public const string JwtSecretFile = "jwt-secret";
    public const string DatabasePasswordFile = "postgres-password";

    public static int Run(string directory)
    {
        try
        {
            Directory.CreateDirectory(directory);
            var created = new[] { JwtSecretFile, DatabasePasswordFile }.Count(name => WriteOnce(Path.Combine(directory, name)));
            Console.WriteLine($"init-secrets: {created} secret(s) created, {2 - created} kept in {directory}");
            return 0;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"init-secrets: cannot write to {directory}: {exception.Message}");
            return 1;
        }
    }

    private static bool WriteOnce(string path)
    {
        if (File.Exists(path))
            return false;
        // Letters and digits only: safe in URLs, shells and connection strings.
        File.WriteAllText(path, Convert.ToHexString(RandomNumberGenerator.GetBytes(32)).ToLowerInvariant());
        // Readable by the database container's own user, which is not this one; the volume holding
        // the file is mounted only into this stack's containers.
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        return true;
    }
}
