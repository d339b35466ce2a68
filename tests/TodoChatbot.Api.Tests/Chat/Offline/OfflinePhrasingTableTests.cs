namespace TodoChatbot.Api.Tests.Chat.Offline;

/// <summary>
/// The phrasing table (phrasings.md) end to end through the offline assistant: each row's message
/// against its tasks must make exactly the tool calls the row gives, or ask / say not found / help.
/// </summary>
public sealed class OfflinePhrasingTableTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Chat", "Offline");

    public static TheoryData<PhrasingRow> Rows => [.. PhrasingTable.Load(Path.Combine(Folder, "phrasings.md"))];

    [Theory]
    [MemberData(nameof(Rows))]
    public void Each_phrasing_does_what_its_row_says(PhrasingRow row)
    {
        var (passed, actual) = PhrasingTable.Check(row);
        Assert.True(passed, $"phrasings.md:{row.Line} “{row.Phrase}” expected {row.Expected}, got {actual}");
    }

    [Fact]
    public void The_table_has_at_least_250_phrasings_in_kinds()
    {
        var rows = PhrasingTable.Load(Path.Combine(Folder, "phrasings.md"));
        Assert.True(rows.Count >= 250, $"only {rows.Count} phrasings");
        Assert.DoesNotContain(rows, row => row.Kind.Length == 0);
        Assert.Equal(rows.Count, rows.Select(row => row.Phrase).Distinct().Count());
    }
}
