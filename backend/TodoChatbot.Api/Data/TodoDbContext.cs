using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using TodoChatbot.Contracts;

namespace TodoChatbot.Api.Data;

/// <summary>
/// The application's database: Identity's user tables plus the todo data. Each provider has its
/// own subclass (<see cref="PostgresTodoDbContext"/>, <see cref="SqliteTodoDbContext"/>) so that
/// each keeps its own migrations; the rest of the code only ever sees this type.
/// </summary>
public abstract class TodoDbContext(DbContextOptions options) : IdentityUserContext<TodoUser>(options)
{
    public DbSet<TodoTask> Tasks => Set<TodoTask>();
    public DbSet<TaskSequence> TaskSequences => Set<TaskSequence>();
    public DbSet<Conversation> Conversations => Set<Conversation>();
    public DbSet<ConversationMessage> Messages => Set<ConversationMessage>();

    /// <summary>
    /// Whether the account exists: one primary-key lookup. It runs with every authorized request,
    /// so it goes past EF Core's query pipeline, which costs more than the lookup itself.
    /// </summary>
    public Task<bool> AccountExistsAsync(string userId, CancellationToken cancellationToken) =>
        QueryAsync($"""SELECT 1 FROM "{UsersTable}" WHERE id = @id""", [("id", userId)],
            async reader => await reader.ReadAsync(cancellationToken), cancellationToken);

    /// <summary>Identity's table of accounts, for hand-written SQL.</summary>
    public const string UsersTable = "AspNetUsers";

    /// <summary>
    /// Runs hand-written SQL on the context's own connection (and transaction, if any), opening
    /// and closing the connection as EF Core does for a query: for the few reads on every request,
    /// where EF Core's query pipeline costs more than the database work. Parameters are named
    /// <c>@name</c>, which SQLite takes as they are; for PostgreSQL they become positional
    /// (<see cref="PositionalStatement"/>), which Npgsql sends without parsing the text again.
    /// </summary>
    public async Task<T> QueryAsync<T>(string sql, IReadOnlyList<(string Name, object? Value)> parameters,
        Func<System.Data.Common.DbDataReader, Task<T>> read, CancellationToken cancellationToken)
    {
        var connection = Database.GetDbConnection();
        var mustOpen = connection.State != System.Data.ConnectionState.Open;
        if (mustOpen)
            await Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = connection.CreateCommand();
            command.Transaction = Database.CurrentTransaction?.GetDbTransaction();
            if (connection is Npgsql.NpgsqlConnection && PositionalStatement.For(sql) is { } statement)
            {
                command.CommandText = statement.Sql;
                foreach (var value in statement.ValuesFrom(parameters))
                    command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = value ?? DBNull.Value });
            }
            else
            {
                command.CommandText = sql;
                foreach (var (name, value) in parameters)
                {
                    var parameter = command.CreateParameter();
                    parameter.ParameterName = name;
                    parameter.Value = value ?? DBNull.Value;
                    command.Parameters.Add(parameter);
                }
            }
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await read(reader);
        }
        finally
        {
            if (mustOpen)
                await Database.CloseConnectionAsync();
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<TodoUser>().Property(user => user.Name).HasMaxLength(AccountRules.NameMaxLength);

        builder.Entity<TodoTask>(task =>
        {
            task.ToTable("tasks");
            task.Property(t => t.Title).HasMaxLength(TaskRules.TitleMaxLength);
            task.Property(t => t.Description).HasMaxLength(TaskRules.DescriptionMaxLength);
            task.HasOne<TodoUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
            // Every query filters by owner, most of them by completion too.
            task.HasIndex(t => new { t.UserId, t.Completed });
            // A number names one task of its owner's; the database refuses a second.
            task.HasIndex(t => new { t.UserId, t.Number }).IsUnique();
        });

        builder.Entity<TaskSequence>(sequence =>
        {
            sequence.ToTable("task_sequences");
            sequence.HasKey(s => s.UserId);
            sequence.HasOne<TodoUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Conversation>(conversation =>
        {
            conversation.ToTable("conversations");
            conversation.Property(c => c.Title).HasMaxLength(Conversation.TitleMaxLength);
            conversation.HasOne<TodoUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
            conversation.HasIndex(c => new { c.UserId, c.UpdatedAt });
        });

        builder.Entity<ConversationMessage>(message =>
        {
            message.ToTable("messages");
            message.Property(m => m.Role).HasMaxLength(16);
            message.HasOne(m => m.Conversation).WithMany().HasForeignKey(m => m.ConversationId).OnDelete(DeleteBehavior.Cascade);
            // Cascade as well as through the conversation: with NO ACTION, PostgreSQL checks this key
            // before the conversation's cascade has removed the messages, and the account cannot be deleted.
            message.HasOne<TodoUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
            message.HasIndex(m => new { m.ConversationId, m.Id });
        });
    }
}
