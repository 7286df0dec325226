using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Core.Events;
using Portal.Notifications.Models;

namespace Portal.Notifications.Data;

public sealed class NotificationsDbContext(DbContextOptions<NotificationsDbContext> options) : DbContext(options)
{
    public const string MigrationsHistoryTable = "__migrations_notifications";

    public DbSet<PortalReminder> Reminders => Set<PortalReminder>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
        => PortalModelConventions.Apply(configurationBuilder);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // Events published with a reminder (an invitation) are written in its transaction.
        modelBuilder.MapDomainEventOutbox();

        modelBuilder.Entity<PortalReminder>(r =>
        {
            r.ToTable("PortalReminders");
            r.HasKey(x => x.Id);
            r.Property(x => x.Kind).HasMaxLength(100).IsRequired();
            r.Property(x => x.Recipient).HasMaxLength(320).IsRequired();
            r.Property(x => x.Summary).HasMaxLength(300).IsRequired();
            r.Property(x => x.Payload).IsRequired();
            r.Property(x => x.DeduplicationKey).HasMaxLength(200);
            r.Property(x => x.State).HasConversion<string>().HasMaxLength(20).IsRequired();
            r.HasIndex(x => new { x.State, x.CreatedAt });
            r.HasIndex(x => x.DeduplicationKey);
        });
    }
}
