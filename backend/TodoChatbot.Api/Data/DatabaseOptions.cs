namespace TodoChatbot.Api.Data;

/// <summary>Settings of the <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>
    /// Apply migrations when the service starts (on in Development). Containers leave it off and
    /// run the <c>migrate</c> command as an init step instead, before any replica takes traffic.
    /// </summary>
    public bool MigrateOnStartup { get; set; }

    /// <summary>
    /// How long migrating (the <c>migrate</c> command, or at start-up) waits for a database that
    /// does not accept connections yet, before it fails with the reason.
    /// </summary>
    public int ConnectWaitSeconds { get; set; } = 60;
}
