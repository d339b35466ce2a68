namespace TodoChatbot.Api.Data;

public static class DatabaseClock
{
    /// <summary>
    /// Now in UTC, to the microsecond: what PostgreSQL's timestamptz keeps, so an entity returned
    /// right after saving equals the same entity read back later.
    /// </summary>
    public static DateTime UtcNowForDatabase(this TimeProvider clock)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerMicrosecond, DateTimeKind.Utc);
    }
}
