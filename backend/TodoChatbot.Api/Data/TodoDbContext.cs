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

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<TodoUser>().Property(user => user.Name).HasMaxLength(TodoUser.NameMaxLength);

        builder.Entity<TodoTask>(task =>
        {
            task.ToTable("tasks");
            task.Property(t => t.Title).HasMaxLength(TaskRules.TitleMaxLength);
            task.Property(t => t.Description).HasMaxLength(TaskRules.DescriptionMaxLength);
            task.HasOne<TodoUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
            // Every query filters by owner, most of them by completion too.
            task.HasIndex(t => new { t.UserId, t.Completed });
        });
    }
}
