using Microsoft.Playwright;

namespace TodoChatbot.EndToEnd.Tests;

/// <summary>
/// A person's first session, clicked through in a real browser: register, sign in, chat, see the
/// task panel follow, filter, reload, sign out. Runs against the services as processes (its
/// screenshots are the guides' pictures) and against the docker compose stack.
/// </summary>
public abstract class ChatFlowTests(IStack stack)
{
    private const int Timeout = 20_000;

    [Fact]
    public async Task Register_sign_in_chat_complete_filter_reload_and_sign_out()
    {
        TestEnvironment.Require(stack.Unavailable);
        await using var context = await stack.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = stack.FrontendUrl.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(Timeout);
        // The first load compiles and starts the WebAssembly runtime: on a busy CI machine (the
        // other test projects build images meanwhile) that takes longer than Playwright's 5 s default.
        Assertions.SetDefaultExpectTimeout(Timeout);
        var consoleErrors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") consoleErrors.Add(message.Text); };
        var email = $"e2e-{Guid.NewGuid():N}@example.com";
        const string password = "correct horse battery";

        try
        {
            // Signed out, the app lands on the sign-in page.
            await OpenAtSignInAsync(page, consoleErrors);
            await page.ScreenshotAsync(new() { Path = Path.Combine(stack.ScreenshotDirectory, "sign-in.png") });

            // Register.
            await page.GetByRole(AriaRole.Link, new() { Name = "Create an account" }).ClickAsync();
            await page.GetByLabel("Name").FillAsync("Ann");
            await page.GetByLabel("Email").FillAsync(email);
            await page.GetByLabel("Password").FillAsync(password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();

            // Sign out and sign in again, with a wrong password first: the backend's message shows.
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
            await page.GetByLabel("Email").FillAsync(email);
            await page.GetByLabel("Password").FillAsync("wrong password");
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Invalid email or password.");
            await page.GetByLabel("Password").FillAsync(password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            var tasks = page.Locator(".tasks");
            await Assertions.Expect(tasks).ToContainTextAsync("No tasks yet");

            // Chat: the task appears in the panel.
            var message = page.GetByRole(AriaRole.Textbox, new() { Name = "Message", Exact = true });
            await message.FillAsync("Add a task to buy groceries");
            await message.PressAsync("Enter");
            await Assertions.Expect(page.Locator(".message.assistant").Last).ToContainTextAsync("Added “Buy groceries”");
            await Assertions.Expect(page.Locator(".tool-call").Last).ToHaveTextAsync("added: Buy groceries");
            await Assertions.Expect(tasks.Locator(".task")).ToHaveCountAsync(1);
            await Assertions.Expect(tasks).ToContainTextAsync("Buy groceries");

            await message.FillAsync("I need to remember to pay bills");
            await message.PressAsync("Enter");
            await Assertions.Expect(tasks.Locator(".task")).ToHaveCountAsync(2);

            // By words, not number: the stack's database may hold other people's tasks (and ids).
            await message.FillAsync("Mark the groceries task as complete");
            await message.PressAsync("Enter");
            await Assertions.Expect(page.Locator(".message.assistant").Last).ToContainTextAsync("is marked as complete");
            await Assertions.Expect(tasks.Locator(".task.done")).ToHaveCountAsync(1);

            // The completed filter shows it, and only it.
            await tasks.GetByRole(AriaRole.Button, new() { Name = "completed" }).ClickAsync();
            await Assertions.Expect(tasks.Locator(".task")).ToHaveCountAsync(1);
            await Assertions.Expect(tasks.Locator(".task")).ToContainTextAsync("Buy groceries");
            await tasks.GetByRole(AriaRole.Button, new() { Name = "all" }).ClickAsync();
            await Assertions.Expect(tasks.Locator(".task")).ToHaveCountAsync(2);
            await page.ScreenshotAsync(new() { Path = Path.Combine(stack.ScreenshotDirectory, "chat.png") });

            // Reload: the session (cookie) and the conversation (database) are still there.
            await page.ReloadAsync();
            await Assertions.Expect(page.Locator(".message")).ToHaveCountAsync(6);
            await Assertions.Expect(page.Locator(".conversation.selected")).ToContainTextAsync("Add a task to buy groceries");

            // The token never reached browser code: no readable cookie, nothing in storage.
            Assert.Equal("", await page.EvaluateAsync<string>("document.cookie"));
            Assert.Equal(0, await page.EvaluateAsync<int>("localStorage.length + sessionStorage.length"));
            var cookie = Assert.Single(await context.CookiesAsync());
            Assert.True(cookie.HttpOnly);
            Assert.Equal(SameSiteAttribute.Strict, cookie.SameSite);

            // Phone width: everything still reachable.
            await page.SetViewportSizeAsync(390, 844);
            await Assertions.Expect(message).ToBeVisibleAsync();
            await page.ScreenshotAsync(new() { Path = Path.Combine(stack.ScreenshotDirectory, "chat-phone.png"), FullPage = true });
            await page.SetViewportSizeAsync(1280, 800);

            // Sign out: back to the sign-in page, and the app no longer answers as this user.
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
            Assert.Empty(await context.CookiesAsync());
            await OpenAtSignInAsync(page, consoleErrors);

            Assert.DoesNotContain(consoleErrors, error => !error.Contains("401", StringComparison.Ordinal));
        }
        catch (Exception exception) when (exception is PlaywrightException or TimeoutException or Xunit.Sdk.XunitException)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "e2e-failure.png") });
            throw new InvalidOperationException($"{exception.Message}\nconsole errors: {string.Join("\n", consoleErrors)}\n{stack.Logs}", exception);
        }
    }

    /// <summary>
    /// Loads the app at "/" until the sign-in page shows. Chromium aborts every request in flight
    /// with ERR_NETWORK_CHANGED when a network interface comes or goes on the host, which the other
    /// test projects' containers make happen all the time here (Docker adds and removes veth
    /// interfaces). A person would press Reload; the test does too, at most twice, for that error
    /// only, and forgets the console errors of the aborted load.
    /// </summary>
    private static async Task OpenAtSignInAsync(IPage page, List<string> consoleErrors)
    {
        for (var attempt = 1; ; attempt++)
        {
            var errorsBefore = consoleErrors.Count;
            await page.GotoAsync("/");
            try
            {
                await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
                return;
            }
            catch (PlaywrightException) when (attempt < 3 && consoleErrors.Skip(errorsBefore).Any(e => e.Contains("ERR_NETWORK_CHANGED", StringComparison.Ordinal)))
            {
                consoleErrors.RemoveRange(errorsBefore, consoleErrors.Count - errorsBefore);
            }
        }
    }

    /// <summary>
    /// The functional part of scripts/minikube/verify, its curl calls and the parsing of their
    /// answers, run against this stack: the same checks a user runs through Minikube's NodePort.
    /// </summary>
    [Fact]
    public async Task Verify_script_app_checks_pass_against_the_stack()
    {
        TestEnvironment.Require(stack.Unavailable);
        var (code, output) = await Command.RunAsync(
            RepositoryPaths.Combine("scripts", "minikube", "verify"),
            ["--app-only", "--url", stack.FrontendUrl.ToString()],
            timeout: TimeSpan.FromMinutes(2), cancellationToken: Cancellation);

        Assert.True(code == 0, output);
        Assert.Contains("pass: register, add a task by chat, list it added and listed by chat: buy groceries", output, StringComparison.Ordinal);
        Assert.Contains("every check passed", output, StringComparison.Ordinal);
    }
}

public sealed class ChatFlowOnProcesses(StackFixture stack) : ChatFlowTests(stack), IClassFixture<StackFixture>;

[Collection(ComposeCollection.Name)]
public sealed class ChatFlowOnCompose(ComposeStackFixture stack) : ChatFlowTests(stack);
