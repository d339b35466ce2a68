using System.Diagnostics;
using System.Globalization;
using TodoChatbot.Api.Chat.Offline;
using TodoChatbot.Api.Tests.Chat.Offline;

// Usage: dotnet run -c Release --project bench/offline-assistant [-- --rounds N] [table.md …]
// Prints, per table, the rows per kind and how many pass, the rows that fail, then the CPU time
// per message: the parser alone, and a whole turn (parse, plan, each tool call answered by the
// in-memory tools and read back, as in the chat endpoint without the database and HTTP).
var rounds = 200;
var tables = new List<string>();
if (args.Length > 0 && args[0] == "--say")
{
    // --say "message" …: one conversation, each message against the tasks the previous ones left,
    // printed as the README's transcript prints them (to check that it still holds).
    var list = new List<TodoChatbot.Contracts.TaskSummary>();
    foreach (var message in args.Skip(1))
    {
        var said = OfflineTurn.Run(message, list);
        Console.WriteLine($"you> {message}\nbot> {said.Reply.Replace("\n", "\n     ", StringComparison.Ordinal)}\n     [tools: {string.Join(", ", said.Calls)}]");
    }
    return;
}
for (var index = 0; index < args.Length; index++)
{
    if (args[index] == "--rounds")
        rounds = int.Parse(args[++index], CultureInfo.InvariantCulture);
    else
        tables.Add(args[index]);
}
if (tables.Count == 0)
{
    var folder = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "tests", "TodoChatbot.Api.Tests", "Chat", "Offline");
    tables.Add(Path.GetFullPath(Path.Combine(folder, "phrasings.md")));
}

var all = new List<PhrasingRow>();
foreach (var table in tables)
{
    var rows = PhrasingTable.Load(table);
    all.AddRange(rows);
    Console.WriteLine($"## {Path.GetFileName(table)}");
    Console.WriteLine("| kind | phrasings | understood |");
    Console.WriteLine("|---|---:|---:|");
    var failures = new List<string>();
    foreach (var kind in rows.GroupBy(row => row.Kind))
    {
        var passed = kind.Count(row =>
        {
            var (ok, actual) = PhrasingTable.Check(row);
            if (!ok)
                failures.Add($"  line {row.Line}: “{row.Phrase}” expected {row.Expected}, got {actual}");
            return ok;
        });
        Console.WriteLine($"| {kind.Key} | {kind.Count()} | {passed} |");
    }
    var total = rows.Count - failures.Count;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| **all** | **{rows.Count}** | **{total} ({100.0 * total / rows.Count:0.0} %)** |"));
    foreach (var failure in failures)
        Console.WriteLine(failure);
    Console.WriteLine();
}

// Warm up (JIT, regex construction, and enough calls for tiered compilation to settle on its
// optimized code), then measure the process's CPU time, not the wall clock.
var messages = all.Select(row => (row.Phrase, Tasks: PhrasingTable.Tasks(row.Tasks))).ToArray();
for (var warmUp = 0; warmUp < 50; warmUp++)
{
    foreach (var (phrase, tasks) in messages)
        OfflineTurn.Run(phrase, [.. tasks]);
}

var parse = Measure(() =>
{
    foreach (var (phrase, _) in messages)
        CommandParser.Parse(phrase);
});
var turn = Measure(() =>
{
    foreach (var (phrase, tasks) in messages)
        OfflineTurn.Run(phrase, [.. tasks]);
});
var count = (double)messages.Length * rounds;
var slowest = Slowest(messages);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"CPU per message over {messages.Length} messages × {rounds} rounds: parse {parse.TotalMicroseconds / count:0.0} µs, whole turn {turn.TotalMicroseconds / count:0.0} µs; slowest message {slowest.Microseconds:0.0} µs (wall, best of 5 batches of 20): “{slowest.Phrase}”"));

TimeSpan Measure(Action action)
{
    var process = Process.GetCurrentProcess();
    var start = process.TotalProcessorTime;
    for (var round = 0; round < rounds; round++)
        action();
    process.Refresh();
    return process.TotalProcessorTime - start;
}

static (double Microseconds, string Phrase) Slowest((string Phrase, List<TodoChatbot.Contracts.TaskSummary> Tasks)[] messages)
{
    var slowest = (Microseconds: 0.0, Phrase: "");
    foreach (var (phrase, tasks) in messages)
    {
        // The best of five batches: a shared machine's other work and a collection only ever add time.
        var best = double.MaxValue;
        for (var batch = 0; batch < 5; batch++)
        {
            var watch = Stopwatch.StartNew();
            for (var repeat = 0; repeat < 20; repeat++)
                OfflineTurn.Run(phrase, [.. tasks]);
            best = Math.Min(best, watch.Elapsed.TotalMicroseconds / 20);
        }
        if (best > slowest.Microseconds)
            slowest = (best, phrase);
    }
    return slowest;
}
