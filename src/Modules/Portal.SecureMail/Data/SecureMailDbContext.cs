using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.SecureMail.Models;

namespace Portal.SecureMail.Data;

public sealed class SecureMailDbContext(DbContextOptions<SecureMailDbContext> options) : DbContext(options)
{
    public const string MigrationsHistoryTable = "__migrations_securemail";

    public DbSet<SecureMessage> Messages => Set<SecureMessage>();

    public DbSet<SecureMessageAttachment> Attachments => Set<SecureMessageAttachment>();

    public DbSet<SecureMessageAttempt> Attempts => Set<SecureMessageAttempt>();

    public DbSet<SecureMessageReply> Replies => Set<SecureMessageReply>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
        => PortalModelConventions.Apply(configurationBuilder);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<SecureMessage>(e =>
        {
            e.ToTable("SecureMessages");
            e.HasKey(x => x.Id);
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(32).IsRequired();
            e.Property(x => x.SenderName).HasMaxLength(SecureMessage.NameMaxLength).IsRequired();
            e.Property(x => x.RecipientEmail).HasMaxLength(SecureMessage.EmailMaxLength).IsRequired();
            e.Property(x => x.Subject).HasMaxLength(SecureMessage.SubjectMaxLength).IsRequired();
            e.Property(x => x.SealedBody).IsRequired();
            e.Property(x => x.PasswordHash).HasMaxLength(SecureMessage.PasswordHashMaxLength).IsRequired();
            e.Property(x => x.Hint).HasMaxLength(SecureMessage.HintMaxLength).IsRequired();
            e.Property(x => x.TokenHash).HasMaxLength(SecureMessage.TokenHashMaxLength).IsRequired();
            e.Property(x => x.SessionStamp).HasMaxLength(SecureMessage.SessionStampMaxLength).IsRequired();
            e.Property(x => x.Currency).HasMaxLength(SecureMessage.CurrencyMaxLength);
            e.Property(x => x.InvoiceNumber).HasMaxLength(SecureMessage.InvoiceNumberMaxLength);
            e.Property(x => x.PaymentStatus).HasConversion<string>().HasMaxLength(32).IsRequired();
            e.Ignore(x => x.IsPaymentRequest);
            e.Ignore(x => x.HasUsedItsOpens);
            e.HasIndex(x => x.TokenHash).IsUnique();
            e.HasIndex(x => x.CreatedAt);
            e.HasIndex(x => x.RecipientEmail);
            e.HasIndex(x => x.InvoiceNumber);
            e.HasIndex(x => x.OutboxMessageId);
        });

        modelBuilder.Entity<SecureMessageAttachment>(e =>
        {
            e.ToTable("SecureMessageAttachments");
            e.HasKey(x => x.Id);
            e.Property(x => x.FileName).HasMaxLength(SecureMessageAttachment.FileNameMaxLength).IsRequired();
            e.HasOne<SecureMessage>().WithMany().HasForeignKey(x => x.MessageId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => x.MessageId);
        });

        modelBuilder.Entity<SecureMessageAttempt>(e =>
        {
            e.ToTable("SecureMessageAttempts");
            e.HasKey(x => x.Id);
            e.Property(x => x.Ip).HasMaxLength(SecureMessageAttempt.IpMaxLength);
            e.HasOne<SecureMessage>().WithMany().HasForeignKey(x => x.MessageId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.MessageId, x.At });
        });

        modelBuilder.Entity<SecureMessageReply>(e =>
        {
            e.ToTable("SecureMessageReplies");
            e.HasKey(x => x.Id);
            e.Property(x => x.Ip).HasMaxLength(SecureMessageAttempt.IpMaxLength);
            e.Property(x => x.SealedBody).IsRequired();
            e.HasOne<SecureMessage>().WithMany().HasForeignKey(x => x.MessageId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.MessageId, x.CreatedAt });
        });
    }
}
