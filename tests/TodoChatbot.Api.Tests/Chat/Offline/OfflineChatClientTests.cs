using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using System.Diagnostics.Metrics;
using TodoChatbot.Api.Chat;
using TodoChatbot.Api.Chat.Offline;
using TodoChatbot.Contracts;

namespace TodoChatbot.Api.Tests.Chat.Offline;

/// <summary>
/// The offline assistant as an <see cref="IChatClient"/>: a turn's message is parsed once, and the
/// command travels on the tool call it planned, so the next call of the turn answers from that
/// command (a message parsed again could mean something else only by a bug; parsing twice cost
/// the chat turn CPU). A turn with no such call, such as one built by another pipeline, is parsed.
/// </summary>
public sealed class OfflineChatClientTests
{
    private static readonly JsonElement TwoTasks = JsonSerializer.SerializeToElement(
        new[] { new TaskSummary(1, "Water the ferns", false), new TaskSummary(2, "Phone Aunt Rosa", false) }, ContractJson.Options);

    private static OfflineChatClient Client() =>
        new(new ChatMetrics(new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>()));

    [Fact]
    public async Task A_tool_call_carries_the_command_it_was_planned_from()
    {
        var response = await Client().GetResponseAsync([new ChatMessage(ChatRole.User, "what's pending?")], cancellationToken: TestContext.Current.CancellationToken);

        var call = Assert.Single(response.Messages.SelectMany(message => message.Contents).OfType<FunctionCallContent>());
        Assert.Equal(ToolNames.ListTasks, call.Name);
        Assert.Equal(new ListCommand("pending"), call.RawRepresentation);
    }

    [Fact]
    public async Task The_next_call_answers_from_the_planned_command_not_from_the_words_again()
    {
        // The user's words alone ask for nothing; the call's command is a list: the reply is the list.
        var reply = await ReplyAfterListingAsync(new ListCommand("pending"));

        Assert.Contains("Phone Aunt Rosa", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_call_without_a_planned_command_has_the_message_parsed()
    {
        var reply = await ReplyAfterListingAsync(plannedFrom: null);

        Assert.DoesNotContain("Phone Aunt Rosa", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Behind_function_invocation_a_turn_calls_the_tool_and_replies_with_its_result()
    {
        var listed = new List<string?>();
        var tool = AIFunctionFactory.Create((string? status) =>
        {
            listed.Add(status);
            return TwoTasks;
        }, ToolNames.ListTasks);
        using var assistant = Client().AsBuilder().UseFunctionInvocation().Build();

        var response = await assistant.GetResponseAsync([new ChatMessage(ChatRole.User, "what's pending?")], new ChatOptions { Tools = [tool] }, TestContext.Current.CancellationToken);

        Assert.Equal(["pending"], listed);
        Assert.Contains("Phone Aunt Rosa", response.Text, StringComparison.Ordinal);
    }

    private static async Task<string> ReplyAfterListingAsync(OfflineCommand? plannedFrom)
    {
        ChatMessage[] conversation =
        [
            new(ChatRole.User, "thanks!"),
            new(ChatRole.Assistant, [new FunctionCallContent("offline_1", ToolNames.ListTasks) { RawRepresentation = plannedFrom }]),
            new(ChatRole.Tool, [new FunctionResultContent("offline_1", TwoTasks)]),
        ];
        var response = await Client().GetResponseAsync(conversation, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Empty(response.Messages.SelectMany(message => message.Contents).OfType<FunctionCallContent>());
        return response.Text;
    }
}
