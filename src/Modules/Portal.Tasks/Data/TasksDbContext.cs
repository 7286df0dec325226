using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Core.Events;
using Portal.Tasks.Models;

namespace Portal.Tasks.Data;

public sealed class TasksDbContext(DbContextOptions<TasksDbContext> options) : DbContext(options)
{
    public const string MigrationsHistoryTable = "__migrations_tasks";

    public DbSet<ClientTask> Tasks => Set<ClientTask>();

    public DbSet<TaskAssignee> Assignees => Set<TaskAssignee>();

    public DbSet<TaskComment> Comments => Set<TaskComment>();

    public DbSet<TaskAttachment> Attachments => Set<TaskAttachment>();

    public DbSet<RequestItem> Items => Set<RequestItem>();

    public DbSet<TaskReminderSent> RemindersSent => Set<TaskReminderSent>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
        => PortalModelConventions.Apply(configurationBuilder);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.MapDomainEventOutbox();

        modelBuilder.Entity<ClientTask>(e =>
        {
            e.ToTable("Tasks");
            e.HasKey(x => x.Id);
            e.Property(x => x.Title).HasMaxLength(ClientTask.TitleMaxLength).IsRequired();
            e.Property(x => x.Description).HasMaxLength(ClientTask.DescriptionMaxLength).IsRequired();
            e.Property(x => x.State).HasConversion<string>().HasMaxLength(16).IsRequired();
            e.Property(x => x.CreatedByName).HasMaxLength(ClientTask.NameMaxLength).IsRequired();
            e.Property(x => x.CompletedByName).HasMaxLength(ClientTask.NameMaxLength);
            e.Ignore(x => x.IsOpen);
            e.HasIndex(x => new { x.State, x.CreatedAt });
            e.HasIndex(x => new { x.ClientId, x.State, x.CreatedAt });
            e.HasIndex(x => new { x.State, x.DueOn });
        });

        modelBuilder.Entity<TaskAssignee>(e =>
        {
            e.ToTable("TaskAssignees");
            e.HasKey(x => new { x.TaskId, x.UserId });
            e.HasOne<ClientTask>().WithMany().HasForeignKey(x => x.TaskId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => x.UserId);
        });

        modelBuilder.Entity<TaskComment>(e =>
        {
            e.ToTable("TaskComments");
            e.HasKey(x => x.Id);
            e.Property(x => x.AuthorName).HasMaxLength(ClientTask.NameMaxLength).IsRequired();
            e.Property(x => x.Text).HasMaxLength(TaskComment.TextMaxLength).IsRequired();
            e.HasOne<ClientTask>().WithMany().HasForeignKey(x => x.TaskId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.TaskId, x.CreatedAt });
        });

        modelBuilder.Entity<TaskAttachment>(e =>
        {
            e.ToTable("TaskAttachments");
            e.HasKey(x => new { x.TaskId, x.DocumentId });
            e.Property(x => x.Name).HasMaxLength(TaskAttachment.NameMaxLength).IsRequired();
            e.HasOne<ClientTask>().WithMany().HasForeignKey(x => x.TaskId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<RequestItem>(e =>
        {
            e.ToTable("RequestItems");
            e.HasKey(x => x.Id);
            e.Property(x => x.Name).HasMaxLength(RequestItem.NameMaxLength).IsRequired();
            e.Property(x => x.Note).HasMaxLength(RequestItem.NoteMaxLength);
            e.Property(x => x.State).HasConversion<string>().HasMaxLength(16).IsRequired();
            e.Ignore(x => x.IsDone);
            e.HasOne<ClientTask>().WithMany().HasForeignKey(x => x.TaskId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.TaskId, x.Position });
            e.HasIndex(x => x.ClientId);
        });

        modelBuilder.Entity<TaskReminderSent>(e =>
        {
            e.ToTable("TaskRemindersSent");
            e.HasKey(x => new { x.TaskId, x.Day });
            e.HasOne<ClientTask>().WithMany().HasForeignKey(x => x.TaskId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
