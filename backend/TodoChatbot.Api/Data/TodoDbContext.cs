using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
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
            message.HasOne<TodoUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.NoAction);
            message.HasIndex(m => new { m.ConversationId, m.Id });
        });
    }
}
