using System.Text.Json;
using TodoChatbot.Api.Chat.Offline;

namespace TodoChatbot.Api.Tests.Chat.Offline;

/// <summary>
/// What the planner says for what the parser understood: every question is worded (none falls back
/// to the help text), and a tool's error result is read as an error, "not found" apart from others.
/// </summary>
public sealed class OfflinePlannerTests
{
    private static readonly Question[] All =
    [
        new TitleMissing(),
        new NewTitleMissing(new TaskReference(2, null)),
        new Proposal(new DeleteCommand(new TaskReference(3, null))),
        new Proposal(new UpdateCommand(new TaskReference(3, null), "Buy bread", null)),
        new Proposal(new CompleteCommand(new TaskReference(4, null))),
        new Misspelt("delete task 2"),
        new ReopenRequest(),
    ];

    public static TheoryData<Question> Questions => [.. All];

    [Theory]
    [MemberData(nameof(Questions))]
    public void Each_question_is_asked_in_its_own_words(Question question)
    {
        var step = Assert.IsType<Reply>(OfflinePlanner.Next(question, []));
        Assert.DoesNotContain(OfflinePlanner.HelpText, step.Text, StringComparison.Ordinal);
        Assert.Single(All, other => Reply(other) == step.Text);
    }

    private static string Reply(Question question) => ((Reply)OfflinePlanner.Next(question, [])).Text;

    [Fact]
    public void A_not_found_result_says_the_task_is_not_there()
    {
        var reply = ReplyTo(new ToolError("Task 9 was not found.", ToolError.NotFoundCode));
        Assert.StartsWith("I couldn't find task 9", reply, StringComparison.Ordinal);
    }

    [Fact]
    public void Any_other_error_result_is_passed_on()
    {
        var reply = ReplyTo(new ToolError("title is too long", ToolError.InvalidArgumentCode));
        Assert.Equal("I couldn't do that: title is too long", reply);
    }

    [Theory]
    [InlineData("""{"error": "boom"}""", "boom", null)]
    [InlineData("""{"error": "gone", "code": "not_found"}""", "gone", "not_found")]
    [InlineData("""{"task_id": 1, "status": "completed", "title": "Call mom"}""", null, null)]
    [InlineData("""[{"id": 1, "title": "Call mom", "completed": false}]""", null, null)]
    [InlineData("""null""", null, null)]
    public void A_result_is_an_error_exactly_when_it_is_an_object_with_an_error(string json, string? error, string? code)
    {
        var isError = ToolError.TryRead(JsonDocument.Parse(json).RootElement, out var found);
        Assert.Equal(error is not null, isError);
        Assert.Equal(error, found?.Error);
        Assert.Equal(code, found?.Code);
    }

    private static string ReplyTo(ToolError error)
    {
        var command = new CompleteCommand(new TaskReference(9, null));
        var call = Assert.IsType<CallTool>(OfflinePlanner.Next(command, []));
        var outcome = new ToolOutcome(call.Name, JsonSerializer.SerializeToElement(error));
        return Assert.IsType<Reply>(OfflinePlanner.Next(command, [outcome])).Text;
    }
}
