using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Core.Events;
using Portal.Messages.Models;

namespace Portal.Messages.Data;

public sealed class MessagesDbContext(DbContextOptions<MessagesDbContext> options) : DbContext(options)
{
    public const string MigrationsHistoryTable = "__migrations_messages";

    public DbSet<MessageThread> Threads => Set<MessageThread>();

    public DbSet<Message> Messages => Set<Message>();

    public DbSet<MessageAttachment> Attachments => Set<MessageAttachment>();

    public DbSet<MessageRead> Reads => Set<MessageRead>();

    public DbSet<MessageNotice> Notices => Set<MessageNotice>();

    public DbSet<ContactReason> Reasons => Set<ContactReason>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
        => PortalModelConventions.Apply(configurationBuilder);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.MapDomainEventOutbox();

        modelBuilder.Entity<MessageThread>(e =>
        {
            e.ToTable("MessageThreads");
            e.HasKey(x => x.Id);
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16).IsRequired();
            e.Property(x => x.TopicKind).HasMaxLength(MessageThread.TopicKindMaxLength);
            e.Property(x => x.Subject).HasMaxLength(MessageThread.SubjectMaxLength).IsRequired();
            e.Property(x => x.AssignedRole).HasMaxLength(MessageThread.RoleMaxLength);

            // One thread per topic, however many callers ask at once (general threads have no topic: NULLs never collide).
            e.HasIndex(x => new { x.TopicKind, x.TopicId }).IsUnique();

            // The inbox and the client's list: newest activity first, keyset on (LastMessageAt, Id).
            e.HasIndex(x => new { x.LastMessageAt, x.Id });
            e.HasIndex(x => new { x.ClientId, x.LastMessageAt });
            e.HasIndex(x => new { x.AssignedUserId, x.LastMessageAt });
            e.HasIndex(x => x.ReasonId);
        });

        modelBuilder.Entity<Message>(e =>
        {
            e.ToTable("Messages");
            e.HasKey(x => x.Id);
            e.Property(x => x.AuthorName).HasMaxLength(Message.AuthorNameMaxLength).IsRequired();
            e.Property(x => x.Text).IsRequired();
            e.HasOne<MessageThread>().WithMany().HasForeignKey(x => x.ThreadId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.ThreadId, x.CreatedAt });
        });

        modelBuilder.Entity<MessageAttachment>(e =>
        {
            e.ToTable("MessageAttachments");
            e.HasKey(x => x.Id);
            e.Property(x => x.FileName).HasMaxLength(MessageAttachment.FileNameMaxLength).IsRequired();
            e.HasOne<Message>().WithMany().HasForeignKey(x => x.MessageId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => x.MessageId);
        });

        modelBuilder.Entity<MessageRead>(e =>
        {
            e.ToTable("MessageReads");
            e.HasKey(x => new { x.ThreadId, x.UserId });
            e.HasOne<MessageThread>().WithMany().HasForeignKey(x => x.ThreadId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => x.UserId);
        });

        modelBuilder.Entity<MessageNotice>(e =>
        {
            e.ToTable("MessageNotices");
            e.HasKey(x => new { x.ThreadId, x.RecipientId });
            e.HasOne<MessageThread>().WithMany().HasForeignKey(x => x.ThreadId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<ContactReason>(e =>
        {
            e.ToTable("ContactReasons");
            e.HasKey(x => x.Id);
            e.Property(x => x.Name).HasMaxLength(ContactReason.NameMaxLength).IsRequired();
            e.Property(x => x.RouteToRole).HasMaxLength(MessageThread.RoleMaxLength);
            e.HasIndex(x => x.Position);
        });
    }
}
