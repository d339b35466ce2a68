using Microsoft.EntityFrameworkCore;
using TodoChatbot.Api.Data;
using TodoChatbot.Contracts;

namespace TodoChatbot.Api.Tasks;

/// <summary>
/// Task operations for one user, shared by the HTTP endpoints and the chat tools. A task is found
/// by its number in the user's own list (<see cref="TodoTask.Number"/>), and every query is
/// filtered by <c>userId</c>: a task of another user is indistinguishable from one that does not
/// exist. Callers pass text already checked by <see cref="TaskRules"/>.
/// </summary>
public sealed class TaskService(TodoDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<TodoTask>> ListAsync(string userId, TaskListFilter filter, CancellationToken cancellationToken)
    {
        var query = db.Tasks.AsNoTracking().Where(task => task.UserId == userId);
        query = filter switch
        {
            TaskListFilter.Pending => query.Where(task => !task.Completed),
            TaskListFilter.Completed => query.Where(task => task.Completed),
            _ => query,
        };
        return await query.OrderBy(task => task.Number).ToListAsync(cancellationToken);
    }

    public Task<TodoTask?> FindAsync(string userId, int number, CancellationToken cancellationToken) =>
        db.Tasks.FirstOrDefaultAsync(task => task.UserId == userId && task.Number == number, cancellationToken);

    /// <summary>
    /// Adds a task with the user's next number. The number is taken and the task inserted in one
    /// transaction: the upsert locks the user's sequence row (PostgreSQL) or the database (SQLite)
    /// until commit, so two creates at once, on any replica, get different numbers, and a create
    /// that fails gives its number back.
    /// </summary>
    public async Task<TodoTask> CreateAsync(string userId, string title, string? description, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var number = (await db.Database.SqlQuery<int>($"""
            INSERT INTO task_sequences (user_id, last_number) VALUES ({userId}, 1)
            ON CONFLICT (user_id) DO UPDATE SET last_number = task_sequences.last_number + 1
            RETURNING last_number AS "Value"
            """).ToListAsync(cancellationToken)).Single();
        var now = Now();
        var task = new TodoTask { UserId = userId, Number = number, Title = title, Description = description, CreatedAt = now, UpdatedAt = now };
        db.Tasks.Add(task);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return task;
    }

    /// <summary>Replaces title and description; changes completion only when <paramref name="completed"/> is given.</summary>
    public async Task<TodoTask?> UpdateAsync(string userId, int number, string title, string? description, bool? completed, CancellationToken cancellationToken)
    {
        var task = await FindAsync(userId, number, cancellationToken);
        if (task is null)
            return null;
        task.Title = title;
        task.Description = description;
        task.Completed = completed ?? task.Completed;
        task.UpdatedAt = Now();
        await db.SaveChangesAsync(cancellationToken);
        return task;
    }

    /// <summary>Sets completion; <c>null</c> flips it.</summary>
    public async Task<TodoTask?> SetCompletedAsync(string userId, int number, bool? completed, CancellationToken cancellationToken)
    {
        var task = await FindAsync(userId, number, cancellationToken);
        if (task is null)
            return null;
        task.Completed = completed ?? !task.Completed;
        task.UpdatedAt = Now();
        await db.SaveChangesAsync(cancellationToken);
        return task;
    }

    public async Task<TodoTask?> DeleteAsync(string userId, int number, CancellationToken cancellationToken)
    {
        var task = await FindAsync(userId, number, cancellationToken);
        if (task is null)
            return null;
        db.Tasks.Remove(task);
        await db.SaveChangesAsync(cancellationToken);
        return task;
    }

    private DateTime Now() => clock.UtcNowForDatabase();
}
