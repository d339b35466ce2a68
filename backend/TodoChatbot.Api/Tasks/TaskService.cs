using Microsoft.EntityFrameworkCore;
using TodoChatbot.Api.Data;

namespace TodoChatbot.Api.Tasks;

public enum TaskListFilter
{
    All,
    Pending,
    Completed,
}

public static class TaskListFilters
{
    /// <summary>Reads all / pending / completed (any case; nothing or blank means all).</summary>
    public static bool TryParse(string? status, out TaskListFilter filter)
    {
        filter = TaskListFilter.All;
        switch (status?.Trim().ToLowerInvariant())
        {
            case null or "" or Contracts.TaskStatusFilter.All:
                return true;
            case Contracts.TaskStatusFilter.Pending:
                filter = TaskListFilter.Pending;
                return true;
            case Contracts.TaskStatusFilter.Completed:
                filter = TaskListFilter.Completed;
                return true;
            default:
                return false;
        }
    }
}

/// <summary>
/// Task operations for one user, shared by the HTTP endpoints and the chat tools. A task is found
/// by its number in the user's own list (<see cref="TodoTask.Number"/>), and every query is
/// filtered by <c>userId</c>: a task of another user is indistinguishable from one that does not
/// exist. Callers pass text already checked by <see cref="Contracts.TaskRules"/>.
/// </summary>
public sealed class TaskService(TodoDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<TodoTask>> ListAsync(string userId, TaskListFilter filter, CancellationToken cancellationToken)
    {
        var completed = Completion(filter);
        return await db.Tasks.AsNoTracking()
            .Where(task => task.UserId == userId && (completed == null || task.Completed == completed))
            .OrderBy(task => task.Number)
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The user's tasks, or null when the account no longer exists: the account row and its
    /// tasks in one query, so the list endpoint checks the account without a second round trip.
    /// </summary>
    public async Task<IReadOnlyList<TodoTask>?> ListIfAccountExistsAsync(string userId, TaskListFilter filter, CancellationToken cancellationToken)
    {
        var completed = Completion(filter);
        var account = await db.Users.AsNoTracking()
            .Where(user => user.Id == userId)
            .Select(user => new
            {
                Tasks = db.Tasks
                    .Where(task => task.UserId == user.Id && (completed == null || task.Completed == completed))
                    .OrderBy(task => task.Number)
                    .ToList(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        return account?.Tasks;
    }

    /// <summary>The completion a filter asks for; null for all.</summary>
    private static bool? Completion(TaskListFilter filter) => filter switch
    {
        TaskListFilter.Pending => false,
        TaskListFilter.Completed => true,
        _ => null,
    };

    public Task<TodoTask?> FindAsync(string userId, int number, CancellationToken cancellationToken) =>
        db.Tasks.FirstOrDefaultAsync(task => task.UserId == userId && task.Number == number, cancellationToken);

    /// <summary>
    /// Adds a task with the user's next number, or returns null when the account no longer exists.
    /// One command of two statements: the upsert takes the number and locks the user's sequence
    /// row (PostgreSQL) or the database (SQLite) until commit, so two creates at once, on any
    /// replica, get different numbers; it inserts nothing without the account, and then neither
    /// does the task insert. The two commit together, so a create that fails gives its number
    /// back: PostgreSQL runs one command's statements as one implicit transaction (a single round
    /// trip); SQLite needs an explicit one.
    /// </summary>
    public async Task<TodoTask?> CreateAsync(string userId, string title, string? description, CancellationToken cancellationToken)
    {
        var now = Now();
        await using var transaction = db.Database.IsNpgsql() ? null : await db.Database.BeginTransactionAsync(cancellationToken);
        // "AspNetUsers" is Identity's table (see the migrations).
        var numbers = await db.Database.SqlQuery<int>($"""
            INSERT INTO task_sequences (user_id, last_number)
            SELECT {userId}, 1 WHERE EXISTS (SELECT 1 FROM "AspNetUsers" WHERE id = {userId})
            ON CONFLICT (user_id) DO UPDATE SET last_number = task_sequences.last_number + 1;
            INSERT INTO tasks (user_id, number, title, description, completed, created_at, updated_at)
            SELECT user_id, last_number, {title}, {description}, FALSE, {now}, {now} FROM task_sequences WHERE user_id = {userId}
            RETURNING number AS "Value"
            """).ToListAsync(cancellationToken);
        if (numbers is not [var number])
            return null;
        if (transaction is not null)
            await transaction.CommitAsync(cancellationToken);
        return new TodoTask { UserId = userId, Number = number, Title = title, Description = description, CreatedAt = now, UpdatedAt = now };
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
