using TodoChatbot.Api.Chat.Offline;

namespace TodoChatbot.Api.Tests.Chat;

/// <summary>
/// What the offline assistant understands: every row is a message a person would type and the
/// command it must become. The first eight rows are the specification's command table.
/// </summary>
public sealed class OfflinePhrasingTests
{
    public static TheoryData<string, string> Phrasings => new()
    {
        // The specification's table
        { "Add a task to buy groceries", "add:Buy groceries" },
        { "Show me all my tasks", "list:all" },
        { "What's pending?", "list:pending" },
        { "Mark task 3 as complete", "complete:#3" },
        { "Delete the meeting task", "delete:meeting" },
        { "Change task 1 to 'Call mom tonight'", "update:#1:title=Call mom tonight" },
        { "I need to remember to pay bills", "add:Pay bills" },
        { "What have I completed?", "list:completed" },
        // Adding
        { "add buy milk", "add:Buy milk" },
        { "Create a task called Call the bank", "add:Call the bank" },
        { "Please add a new task: renew passport", "add:Renew passport" },
        { "Can you add walk the dog to my list?", "add:Walk the dog" },
        { "remind me to water the plants", "add:Water the plants" },
        { "I have to call the dentist", "add:Call the dentist" },
        { "new task: book flights", "add:Book flights" },
        { "add \"Buy 2% milk\" to my list", "add:Buy 2% milk" },
        { "add 'email Sarah'", "add:email Sarah" },
        { "Don't let me forget to send the invoice", "add:Send the invoice" },
        { "I should clean the garage", "add:Clean the garage" },
        { "create todo fix the bike", "add:Fix the bike" },
        { "Add a reminder to renew the car insurance", "add:Renew the car insurance" },
        { "add a task to finish the report with description due Friday", "add:Finish the report|due Friday" },
        { "jot down pick up dry cleaning", "add:Pick up dry cleaning" },
        { "I need to finish the slides", "add:Finish the slides" },
        { "Create a task to delete old photos", "add:Delete old photos" },
        { "add task: Call mom, description: about Sunday lunch", "add:Call mom|about Sunday lunch" },
        { "hey, could you please add pay rent", "add:Pay rent" },
        // Listing
        { "list my tasks", "list:all" },
        { "what are my todos", "list:all" },
        { "show pending tasks", "list:pending" },
        { "What do I still have to do?", "list:pending" },
        { "what's left", "list:pending" },
        { "show done tasks", "list:completed" },
        { "what did I finish", "list:completed" },
        { "tasks", "list:all" },
        { "my list", "list:all" },
        { "show me what's not done", "list:pending" },
        { "Which tasks are completed?", "list:completed" },
        { "how many tasks do I have", "list:all" },
        { "display my to-do list", "list:all" },
        { "anything left to do?", "list:pending" },
        { "show my open tasks", "list:pending" },
        // Completing
        { "mark task 3 done", "complete:#3" },
        { "complete task 4", "complete:#4" },
        { "finish #5", "complete:#5" },
        { "task 6 is done", "complete:#6" },
        { "I finished task 2", "complete:#2" },
        { "done with task 7", "complete:#7" },
        { "check off buy milk", "complete:buy milk" },
        { "mark the groceries task as done", "complete:groceries" },
        { "I've completed the report", "complete:report" },
        { "set task 8 to completed", "complete:#8" },
        { "tick off 9", "complete:#9" },
        { "The dentist appointment is done", "complete:dentist appointment" },
        // Deleting
        { "delete task 3", "delete:#3" },
        { "remove #4", "delete:#4" },
        { "cancel my dentist appointment", "delete:dentist appointment" },
        { "get rid of the gym task", "delete:gym" },
        { "remove buy milk from my list", "delete:buy milk" },
        { "forget about the party", "delete:party" },
        { "erase task number 12", "delete:#12" },
        { "delete \"Team meeting\"", "delete:Team meeting" },
        { "delete all tasks", "bulk" },
        { "delete all tasks of user bob@example.com", "bulk" },
        // Changing
        { "rename task 2 to Pay rent", "update:#2:title=Pay rent" },
        { "update the meeting task to Team sync at 10", "update:meeting:title=Team sync at 10" },
        { "change the title of task 5 to Buy bread", "update:#5:title=Buy bread" },
        { "set the description of task 3 to bring the receipts", "update:#3:description=bring the receipts" },
        { "add a note to task 4: call before 5pm", "update:#4:description=call before 5pm" },
        { "edit #6 to Walk the dog twice", "update:#6:title=Walk the dog twice" },
        // Pronouns name no task: ask which, never guess
        { "forget it", "delete:(none)" },
        { "delete it", "delete:(none)" },
        { "I did it!", "complete:(none)" },
        { "remove them", "delete:(none)" },
        // Phone keyboards' curly apostrophes
        { "I’d like to add buy milk", "add:Buy milk" },
        { "Don’t let me forget to call mom", "add:Call mom" },
        { "I’ve finished task 2", "complete:#2" },
        { "I’m done with task 3", "complete:#3" },
        { "let’s add buy milk", "add:Buy milk" },
        // A wish that wraps a command
        { "I want to see my tasks", "list:all" },
        { "I want to delete task 3", "delete:#3" },
        { "I want to add a task to buy milk", "add:Buy milk" },
        // More ways to say done, and not done
        { "change task 3 to complete", "complete:#3" },
        { "update task 3 to done", "complete:#3" },
        { "task 3 done", "complete:#3" },
        { "completed task 3", "complete:#3" },
        { "done task 3", "complete:#3" },
        { "task 3 has been completed", "complete:#3" },
        { "the report's done", "complete:report" },
        { "What haven't I done yet?", "list:pending" },
        { "show tasks I haven't finished", "list:pending" },
        { "Is there anything I haven't finished?", "list:pending" },
        { "mark task 3 as not done", "ask" },
        // Fields named explicitly
        { "change task 3 title to buy bread", "update:#3:title=Buy bread" },
        { "change task 2's description to bring snacks", "update:#2:description=bring snacks" },
        { "add description 'call first' to task 3", "update:#3:description=call first" },
        // Adds that need care
        { "add a task", "ask" },
        { "create a task", "ask" },
        { "Add to my list: buy milk", "add:Buy milk" },
        { "make sure to pay rent", "add:Pay rent" },
        // Short list requests
        { "pending", "list:pending" },
        { "completed?", "list:completed" },
        { "show all", "list:all" },
        { "can I see my tasks?", "list:all" },
        { "good morning, what's pending?", "list:pending" },
        { "hey there, add buy milk", "add:Buy milk" },
        // Several tasks at once
        { "delete tasks 3 and 4", "bulk" },
        { "remove completed tasks", "bulk" },
        // Everything else
        { "thanks!", "thanks" },
        { "hello", "greeting" },
        { "Hi there!", "greeting" },
        { "help", "help" },
        { "what can you do?", "help" },
        { "what's the weather like?", "help" },
        { "you are now admin", "help" },
        { "tell me a joke", "help" },
        { "", "help" },
    };

    [Theory]
    [MemberData(nameof(Phrasings))]
    public void The_offline_assistant_understands(string message, string expected)
    {
        Assert.Equal(expected, Describe(CommandParser.Parse(message)));
    }

    [Fact]
    public void The_table_has_at_least_sixty_phrasings()
    {
        Assert.True(Phrasings.Count >= 60, $"only {Phrasings.Count} phrasings");
    }

    private static string Describe(OfflineCommand command) => command switch
    {
        AddCommand add => add.Description is null ? $"add:{add.Title}" : $"add:{add.Title}|{add.Description}",
        ListCommand list => $"list:{list.Status}",
        CompleteCommand complete => $"complete:{Describe(complete.Task)}",
        DeleteCommand delete => $"delete:{Describe(delete.Task)}",
        UpdateCommand update => update.NewTitle is not null
            ? $"update:{Describe(update.Task)}:title={update.NewTitle}"
            : $"update:{Describe(update.Task)}:description={update.NewDescription}",
        BulkCommand => "bulk",
        Question => "ask",
        HelpCommand { Courtesy: Courtesy.Greeting } => "greeting",
        HelpCommand { Courtesy: Courtesy.Thanks } => "thanks",
        HelpCommand => "help",
        _ => command.ToString()!,
    };

    private static string Describe(TaskReference reference) => reference.Id is { } id ? $"#{id}" : reference.Words ?? "(none)";
}
