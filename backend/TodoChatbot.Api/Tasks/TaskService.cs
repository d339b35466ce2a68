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
    public async Task<IReadOnlyList<TodoTask>> ListAsync(string userId, TaskListFilter filter, CancellationToken cancellationToken) =>
        await ListIfAccountExistsAsync(userId, filter, cancellationToken) ?? [];

    /// <summary>
    /// The user's tasks in number order, or null when the account no longer exists: the account
    /// row joined to its tasks in one query (no row: no account; one row of nulls: no tasks), so
    /// the list endpoint checks the account without a second round trip. Hand-written, as the
    /// busiest read (see <see cref="TodoDbContext.QueryAsync{T}"/>); the columns are the model's.
    /// </summary>
    public Task<IReadOnlyList<TodoTask>?> ListIfAccountExistsAsync(string userId, TaskListFilter filter, CancellationToken cancellationToken) =>
        db.QueryAsync<IReadOnlyList<TodoTask>?>(ListSql[(int)filter],
            [("user_id", userId)],
            async reader =>
            {
                if (!await reader.ReadAsync(cancellationToken))
                    return null;
                var tasks = new List<TodoTask>();
                if (reader.IsDBNull(0))
                    return tasks;
                do
                {
                    tasks.Add(new TodoTask
                    {
                        UserId = userId,
                        Number = reader.GetInt32(0),
                        Title = reader.GetString(1),
                        Description = reader.IsDBNull(2) ? null : reader.GetString(2),
                        Completed = reader.GetBoolean(3),
                        // UTC, as written (SQLite keeps no time zone).
                        CreatedAt = DateTime.SpecifyKind(reader.GetDateTime(4), DateTimeKind.Utc),
                        UpdatedAt = DateTime.SpecifyKind(reader.GetDateTime(5), DateTimeKind.Utc),
                    });
                }
                while (await reader.ReadAsync(cancellationToken));
                return tasks;
            },
            cancellationToken);

    /// <summary>
    /// The list query for each filter, by its value; built once, not on every request. The filter
    /// is a fixed join condition, not a parameter (PostgreSQL cannot type a null one).
    /// </summary>
    private static readonly string[] ListSql = Enum.GetValues<TaskListFilter>()
        .Select(filter => $"""
            SELECT t.number, t.title, t.description, t.completed, t.created_at, t.updated_at
            FROM "{TodoDbContext.UsersTable}" u
            LEFT JOIN tasks t ON t.user_id = u.id{filter switch
            {
                TaskListFilter.Pending => " AND NOT t.completed",
                TaskListFilter.Completed => " AND t.completed",
                _ => "",
            }}
            WHERE u.id = @user_id
            ORDER BY t.number
            """)
        .ToArray();

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
        // Hand-written on the context's connection, as the list is: EF Core's raw-SQL query pipeline
        // costs more than the two statements.
        var number = await db.QueryAsync<int?>($"""
            INSERT INTO task_sequences (user_id, last_number)
            SELECT @user_id, 1 WHERE EXISTS (SELECT 1 FROM "{TodoDbContext.UsersTable}" WHERE id = @user_id)
            ON CONFLICT (user_id) DO UPDATE SET last_number = task_sequences.last_number + 1;
            INSERT INTO tasks (user_id, number, title, description, completed, created_at, updated_at)
            SELECT user_id, last_number, @title, @description, FALSE, @now, @now FROM task_sequences WHERE user_id = @user_id
            RETURNING number
            """,
            [("user_id", userId), ("title", title), ("description", description), ("now", now)],
            async reader => await reader.ReadAsync(cancellationToken) ? reader.GetInt32(0) : null,
            cancellationToken);
        if (number is null)
            return null;
        if (transaction is not null)
            await transaction.CommitAsync(cancellationToken);
        return new TodoTask { UserId = userId, Number = number.Value, Title = title, Description = description, CreatedAt = now, UpdatedAt = now };
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
