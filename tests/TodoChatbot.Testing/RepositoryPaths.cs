namespace TodoChatbot.Testing;

/// <summary>Locations in the repository, found from the test binaries upwards.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The build configuration the tests were built with (the service binaries were built alongside).</summary>
#if DEBUG
    public const string Configuration = "Debug";
#else
    public const string Configuration = "Release";
#endif

    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>The built entry assembly of a service project, e.g. ("backend", "TodoChatbot.Api").</summary>
    public static string ServiceAssembly(string folder, string project) =>
        Combine(folder, project, "bin", Configuration, "net10.0", project + ".dll");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "TodoChatbot.slnx")))
                return directory.FullName;
        }
        throw new InvalidOperationException($"TodoChatbot.slnx not found above {AppContext.BaseDirectory}");
    }
}
