using Microsoft.EntityFrameworkCore;
using Portal.Core.Crypto;
using Portal.Core.Events;
using Portal.Core.Links;
using Portal.Core.Mail;
using Portal.Core.Recipes;
using Portal.Core.Settings;

namespace Portal.Core.Data;

/// <summary>The platform's own tables inside each practice's database: settings, the mail outbox, recipe runs, wrapped data keys, the event outbox, one-time links.</summary>
public sealed class CoreTenantDbContext(DbContextOptions<CoreTenantDbContext> options) : DbContext(options)
{
    public const string MigrationsHistoryTable = "__migrations_core";

    public DbSet<SettingsRecord> Settings => Set<SettingsRecord>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<RecipeRun> RecipeRuns => Set<RecipeRun>();

    public DbSet<DataKeyRecord> DataKeys => Set<DataKeyRecord>();

    public DbSet<DomainEventRecord> DomainEvents => Set<DomainEventRecord>();

    public DbSet<DomainEventDelivery> DomainEventDeliveries => Set<DomainEventDelivery>();

    public DbSet<OneTimeLinkRecord> OneTimeLinks => Set<OneTimeLinkRecord>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
        => PortalModelConventions.Apply(configurationBuilder);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<SettingsRecord>(settings =>
        {
            settings.ToTable("Settings");
            settings.HasKey(s => s.Section);
            settings.Property(s => s.Section).HasMaxLength(100);
            settings.Property(s => s.Json).IsRequired();
        });

        modelBuilder.Entity<OutboxMessage>(message =>
        {
            message.ToTable("OutboxMessages");
            message.HasKey(m => m.Id);
            message.Property(m => m.To).HasMaxLength(1000).IsRequired();
            message.Property(m => m.Subject).HasMaxLength(500).IsRequired();
            message.Property(m => m.HtmlBody).IsRequired();
            message.Property(m => m.TextBody).IsRequired();
            message.Property(m => m.Template).HasMaxLength(100);
            message.Property(m => m.State).HasConversion<string>().HasMaxLength(20).IsRequired();
            message.Property(m => m.LastError).HasMaxLength(2000);
            message.Property(m => m.SealedSecrets).HasMaxLength(4000);
            message.HasIndex(m => m.CreatedAt);
            message.HasIndex(m => new { m.State, m.CreatedAt });
        });

        modelBuilder.Entity<RecipeRun>(run =>
        {
            run.ToTable("RecipeRuns");
            run.HasKey(r => r.Id);
            run.Property(r => r.RecipeName).HasMaxLength(100).IsRequired();
            run.Property(r => r.Error).HasMaxLength(2000);
            run.HasIndex(r => r.StartedAt);
        });

        modelBuilder.Entity<DataKeyRecord>(key =>
        {
            key.ToTable("DataKeys");
            key.HasKey(k => k.Version);

            // Versions are numbered by the store (max + 1, the primary key settling races), not by the database.
            key.Property(k => k.Version).ValueGeneratedNever();
            key.Property(k => k.MasterKeyId).HasMaxLength(100).IsRequired();
            key.Property(k => k.WrappedKey).IsRequired();
        });

        DomainEventModel.Map(modelBuilder, ownsTable: true);
        modelBuilder.Entity<DomainEventDelivery>(delivery =>
        {
            delivery.ToTable("DomainEventDeliveries");
            delivery.HasKey(d => new { d.EventId, d.Handler });
            delivery.Property(d => d.Handler).HasMaxLength(200);
        });

        modelBuilder.Entity<OneTimeLinkRecord>(link =>
        {
            link.ToTable("OneTimeLinks");
            link.HasKey(l => l.Id);
            link.Property(l => l.Purpose).HasMaxLength(OneTimeLinkRecord.PurposeMaxLength).IsRequired();
            link.Property(l => l.TokenHash).HasMaxLength(64).IsRequired();
            link.Property(l => l.Data).HasMaxLength(OneTimeLinkRecord.DataMaxLength);
            link.HasIndex(l => l.TokenHash).IsUnique();
            link.HasIndex(l => new { l.SubjectId, l.Purpose });
            link.HasIndex(l => l.ExpiresAt);
        });
    }
}
