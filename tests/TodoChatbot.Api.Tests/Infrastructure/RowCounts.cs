using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TodoChatbot.Api.Data;

namespace TodoChatbot.Api.Tests.Infrastructure;

/// <summary>
/// How many rows each table holds, read straight from the service's database (not through the
/// API, which could hide a stray row). Tests compare a snapshot before and after an attack.
/// </summary>
public sealed record RowCounts(int Users, int Tasks, int Conversations, int Messages)
{
    public static async Task<RowCounts> ReadAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TodoDbContext>();
        return new RowCounts(
            await db.Users.CountAsync(cancellationToken),
            await db.Tasks.CountAsync(cancellationToken),
            await db.Conversations.CountAsync(cancellationToken),
            await db.Messages.CountAsync(cancellationToken));
    }
}
