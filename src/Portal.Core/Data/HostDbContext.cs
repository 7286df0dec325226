using Microsoft.EntityFrameworkCore;
using Portal.Core.Jobs;
using Portal.Core.Settings;
using Portal.Core.Tenancy;

namespace Portal.Core.Data;

/// <summary>
/// The host store: data that belongs to the platform rather than to one practice, the practice
/// registry and the job queue. Practice data never lives here.
/// </summary>
public sealed class HostDbContext(DbContextOptions<HostDbContext> options) : DbContext(options)
{
    public const string MigrationsHistoryTable = "__migrations_host";

    public DbSet<TenantRecord> Tenants => Set<TenantRecord>();

    public DbSet<TenantHostName> TenantHostNames => Set<TenantHostName>();

    public DbSet<JobRecord> Jobs => Set<JobRecord>();

    public DbSet<RecurringJobSchedule> RecurringJobSchedules => Set<RecurringJobSchedule>();

    public DbSet<DataProtectionKeyRecord> DataProtectionKeys => Set<DataProtectionKeyRecord>();

    public DbSet<SettingsVersionRecord> SettingsVersions => Set<SettingsVersionRecord>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
        => PortalModelConventions.Apply(configurationBuilder);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<TenantRecord>(tenant =>
        {
            tenant.ToTable("Tenants");
            tenant.HasKey(t => t.Id);
            tenant.Property(t => t.Name).HasMaxLength(TenantName.MaxLength).IsRequired();
            tenant.HasIndex(t => t.Name).IsUnique();
            tenant.Property(t => t.DisplayName).HasMaxLength(200).IsRequired();
            tenant.Property(t => t.State).HasConversion<string>().HasMaxLength(20).IsRequired();
            tenant.Property(t => t.AdminEmail).HasMaxLength(320).IsRequired();
            tenant.Property(t => t.SetupRecipe).HasMaxLength(100);
            tenant.Property(t => t.DatabaseSchema).HasMaxLength(63);
            tenant.Property(t => t.EnabledFeatures).IsRequired();
            tenant.Property(t => t.SchemaStamp).HasMaxLength(64);
            tenant.Property(t => t.Version).IsConcurrencyToken();
            tenant.HasIndex(t => t.UpdatedAt);
            tenant.HasMany(t => t.HostNames).WithOne().HasForeignKey(h => h.TenantId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<TenantHostName>(host =>
        {
            host.ToTable("TenantHostNames");
            host.HasKey(h => h.Id);
            host.Property(h => h.HostName).HasMaxLength(253).IsRequired();
            host.HasIndex(h => h.HostName).IsUnique();
            host.HasIndex(h => h.TenantId);
        });

        modelBuilder.Entity<JobRecord>(job =>
        {
            job.ToTable("Jobs");
            job.HasKey(j => j.Id);
            job.Property(j => j.Tenant).HasMaxLength(TenantName.MaxLength);
            job.Property(j => j.Type).HasMaxLength(100).IsRequired();
            job.Property(j => j.Payload).IsRequired();
            job.Property(j => j.LockedBy).HasMaxLength(100);
            job.HasIndex(j => new { j.State, j.RunAfter });
            job.HasIndex(j => j.CompletedAt);
        });

        modelBuilder.Entity<RecurringJobSchedule>(schedule =>
        {
            schedule.ToTable("RecurringJobSchedules");
            schedule.HasKey(s => s.Name);
            schedule.Property(s => s.Name).HasMaxLength(100);
        });

        modelBuilder.Entity<SettingsVersionRecord>(version =>
        {
            version.ToTable("SettingsVersions");
            version.HasKey(v => new { v.TenantId, v.Section });
            version.Property(v => v.Section).HasMaxLength(100);
            version.Property(v => v.Version).IsConcurrencyToken();
            version.HasOne<TenantRecord>().WithMany().HasForeignKey(v => v.TenantId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<DataProtectionKeyRecord>(key =>
        {
            key.ToTable("DataProtectionKeys");
            key.HasKey(k => k.Id);
            key.Property(k => k.FriendlyName).HasMaxLength(200);
            key.Property(k => k.Xml).IsRequired();
        });
    }
}
