using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using TodoChatbot.Contracts;
using TodoChatbot.Web.Client.Components;
using TodoChatbot.Web.Client.Pages;
using TodoChatbot.Web.Client.Services;

namespace TodoChatbot.Web.Client.Tests;

public sealed class ComponentTests : BunitContext
{
    private readonly FakeTodoApi _api = new();
    private readonly FakeAuthApi _auth = new();

    public ComponentTests()
    {
        Services.AddSingleton<ITodoApi>(_api);
        Services.AddSingleton<IAuthApi>(_auth);
        Services.AddSingleton<Session>();
        Services.AddSingleton<AuthenticationStateProvider>(services => services.GetRequiredService<Session>());
    }

    [Theory]
    [InlineData("add_task", "added: Buy groceries")]
    [InlineData("complete_task", "completed: Buy groceries")]
    [InlineData("delete_task", "deleted: Buy groceries")]
    [InlineData("update_task", "updated: Buy groceries")]
    public void A_tool_call_is_summarised_in_a_few_words(string tool, string expected)
    {
        var call = FakeTodoApi.Call(tool, new { task_id = 1 }, new TaskActionResult(1, "x", "Buy groceries"));
        Assert.Equal(expected, ToolCallSummary.Describe(call));
    }

    [Fact]
    public void Listing_and_failures_are_summarised_too()
    {
        Assert.Equal("listed 2 tasks", ToolCallSummary.Describe(FakeTodoApi.Call("list_tasks", new { }, new[] { new TaskSummary(1, "a", false), new TaskSummary(2, "b", true) })));
        Assert.Equal("complete task failed: Task 9 was not found.", ToolCallSummary.Describe(FakeTodoApi.Call("complete_task", new { task_id = 9 }, new ToolError("Task 9 was not found."))));
    }

    [Fact]
    public void The_thread_shows_examples_when_empty_and_a_busy_indicator_while_waiting()
    {
        var empty = Render<MessageThread>();
        Assert.Contains("Add a task to buy groceries", empty.Markup, StringComparison.Ordinal);

        var busy = Render<MessageThread>(parameters => parameters
            .Add(p => p.Messages, [new MessageDto(1, ChatRules.UserRole, "hello", [], DateTime.UtcNow)])
            .Add(p => p.Busy, true));
        Assert.Contains("Thinking…", busy.Find(".typing").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("For example", busy.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void The_thread_shows_who_said_what_and_the_actions_taken()
    {
        var call = FakeTodoApi.Call("add_task", new { title = "Buy groceries" }, new TaskActionResult(4, "created", "Buy groceries"));
        var thread = Render<MessageThread>(parameters => parameters.Add(p => p.Messages,
        [
            new MessageDto(1, ChatRules.UserRole, "Add a task to buy groceries", [], DateTime.UtcNow),
            new MessageDto(2, ChatRules.AssistantRole, "Added “Buy groceries”.", [call], DateTime.UtcNow),
        ]));

        Assert.Equal(["You", "Assistant"], thread.FindAll(".sender").Select(sender => sender.TextContent));
        Assert.Equal("added: Buy groceries", thread.Find(".tool-call").TextContent);
    }

    [Fact]
    public void The_task_panel_shows_loading_then_data()
    {
        _api.TasksGate = new TaskCompletionSource<bool>();
        _api.Tasks.AddRange([FakeTodoApi.NewTask(1, "Buy groceries", completed: true), FakeTodoApi.NewTask(2, "Pay bills")]);

        var panel = Render<TaskPanel>();
        Assert.Contains("Loading tasks", panel.Markup, StringComparison.Ordinal);

        _api.TasksGate.SetResult(true);
        panel.WaitForAssertion(() => Assert.Equal(2, panel.FindAll(".task").Count));
        Assert.Single(panel.FindAll(".task.done"));
        Assert.Contains("Pay bills", panel.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void The_task_panel_says_when_there_is_nothing_and_filters_by_status()
    {
        var panel = Render<TaskPanel>();
        panel.WaitForAssertion(() => Assert.Contains("No tasks yet", panel.Markup, StringComparison.Ordinal));

        _api.Tasks.Add(FakeTodoApi.NewTask(1, "Buy groceries", completed: true));
        panel.FindAll(".filter").Single(button => button.TextContent == "pending").Click();
        panel.WaitForAssertion(() => Assert.Contains("Nothing pending", panel.Markup, StringComparison.Ordinal));
        panel.FindAll(".filter").Single(button => button.TextContent == "completed").Click();
        panel.WaitForAssertion(() => Assert.Single(panel.FindAll(".task")));
        Assert.Equal(["all", "pending", "completed"], _api.TaskQueries);
    }

    [Fact]
    public void The_task_panel_shows_an_error_with_a_retry_that_works()
    {
        _api.TasksProblem = new ApiProblem(503, ServiceMessages.Unreachable, new Dictionary<string, string[]>());
        var panel = Render<TaskPanel>();
        panel.WaitForAssertion(() => Assert.Contains("not reachable", panel.Find("[role=alert]").TextContent, StringComparison.Ordinal));

        _api.TasksProblem = null;
        _api.Tasks.Add(FakeTodoApi.NewTask(1, "Buy groceries"));
        panel.Find("[role=alert] button").Click();
        panel.WaitForAssertion(() => Assert.Single(panel.FindAll(".task")));
    }

    [Fact]
    public void Ticking_or_deleting_a_task_calls_the_api_and_refreshes()
    {
        _api.Tasks.AddRange([FakeTodoApi.NewTask(1, "Buy groceries"), FakeTodoApi.NewTask(2, "Pay bills")]);
        var panel = Render<TaskPanel>();
        panel.WaitForAssertion(() => Assert.Equal(2, panel.FindAll(".task").Count));

        panel.Find("#task-1").Change(true);
        panel.WaitForAssertion(() => Assert.Single(panel.FindAll(".task.done")));
        panel.Find("button[aria-label='Delete Pay bills']").Click();
        panel.WaitForAssertion(() => Assert.Single(panel.FindAll(".task")));
        Assert.True(_api.Tasks.Single().Completed);
    }

    [Fact]
    public void Sign_in_checks_the_fields_before_calling_the_server()
    {
        var page = Render<Login>();
        page.Find("form").Submit();

        Assert.Equal("Enter your email.", page.Find("#email-error").TextContent);
        Assert.Equal("Enter your password.", page.Find("#password-error").TextContent);
        Assert.Empty(_auth.Logins);
    }

    [Fact]
    public void Sign_in_shows_the_servers_message_when_it_refuses()
    {
        _auth.LoginResult = new ApiProblem(401, "Invalid email or password.", new Dictionary<string, string[]>());
        var page = Render<Login>();
        page.Find("#email").Change("ann@example.com");
        page.Find("#password").Change("wrong password");
        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Equal("Invalid email or password.", page.Find(".form-error").TextContent));
        Assert.Equal("ann@example.com", Assert.Single(_auth.Logins).Email);
    }

    [Fact]
    public void Signing_in_goes_to_the_chat()
    {
        _auth.LoginResult = new UserDto("u1", "ann@example.com", "Ann");
        var navigation = Services.GetRequiredService<Bunit.TestDoubles.BunitNavigationManager>();
        navigation.NavigateTo("login");
        var page = Render<Login>();
        page.Find("#email").Change("ann@example.com");
        page.Find("#password").Change("correct horse");
        page.Find("form").Submit();

        // The chat is the app's root; the sign-in page is replaced in the history, not stacked.
        page.WaitForAssertion(() => Assert.Equal(navigation.BaseUri, navigation.Uri));
        var last = navigation.History.First();
        Assert.Equal("", last.Uri);
        Assert.True(last.Options.ReplaceHistoryEntry, "the sign-in page stays in the history");
        Assert.Equal("u1", Services.GetRequiredService<Session>().User?.Id);
    }

    [Fact]
    public void Chat_sends_a_message_shows_the_reply_and_refreshes_tasks_after_a_tool_call()
    {
        var call = FakeTodoApi.Call("add_task", new { title = "Buy groceries" }, new TaskActionResult(1, "created", "Buy groceries"));
        _api.Replies.Enqueue(new ChatTurnResponse(7, "Added “Buy groceries”.", [call]));
        var page = RenderChat();
        page.WaitForAssertion(() => Assert.Contains("No tasks yet", page.Markup, StringComparison.Ordinal));

        _api.Tasks.Add(FakeTodoApi.NewTask(1, "Buy groceries"));
        page.Find("#message").Input("Add a task to buy groceries");
        page.Find("form.composer").Submit();

        page.WaitForAssertion(() => Assert.Contains("Added “Buy groceries”.", page.Markup, StringComparison.Ordinal));
        page.WaitForAssertion(() => Assert.Single(page.FindAll(".task")));
        Assert.Equal(["Add a task to buy groceries"], _api.Sent);
        Assert.Equal("", page.Find("#message").GetAttribute("value") ?? "");
    }

    [Fact]
    public void A_failed_message_shows_the_error_inline_and_retry_sends_it_again()
    {
        _api.Replies.Enqueue(ApiProblem.Unreachable);
        _api.Replies.Enqueue(new ChatTurnResponse(7, "You have no tasks.", []));
        var page = RenderChat();

        page.Find("#message").Input("what's pending?");
        page.Find("form.composer").Submit();
        page.WaitForAssertion(() => Assert.Contains("not reachable", page.Find(".chat [role=alert]").TextContent, StringComparison.Ordinal));

        page.Find(".chat [role=alert] button").Click();
        page.WaitForAssertion(() => Assert.Contains("You have no tasks.", page.Markup, StringComparison.Ordinal));
        Assert.Equal(["what's pending?", "what's pending?"], _api.Sent);
        Assert.Single(page.FindAll(".message.user"));
    }

    private IRenderedComponent<Chat> RenderChat()
    {
        _auth.User = new UserDto("u1", "ann@example.com", "Ann");
        var authorization = AddAuthorization();
        authorization.SetAuthorized("Ann");
        return Render<Chat>();
    }
}
