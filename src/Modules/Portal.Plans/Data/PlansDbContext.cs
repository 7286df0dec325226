using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Plans.Models;

namespace Portal.Plans.Data;

/// <summary>
/// Plans and their usage, in the host store: the operator's plans are platform data, and usage is kept
/// beside them (not in the practice's database) so the limit and the count are changed in one database,
/// a practice restoring its own data cannot reset its free allowance, and the operator can see every
/// practice's usage without opening each practice's database.
/// </summary>
public sealed class PlansDbContext(DbContextOptions<PlansDbContext> options) : DbContext(options)
{
    public const string MigrationsHistoryTable = "__migrations_plans";

    public DbSet<Plan> Plans => Set<Plan>();

    public DbSet<PracticePlan> PracticePlans => Set<PracticePlan>();

    public DbSet<QuotaCounter> QuotaCounters => Set<QuotaCounter>();

    public DbSet<QuotaUsage> QuotaUsages => Set<QuotaUsage>();

    public DbSet<PlanChange> PlanChanges => Set<PlanChange>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
        => PortalModelConventions.Apply(configurationBuilder);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Plan>(plan =>
        {
            plan.ToTable("Plans");
            plan.HasKey(p => p.Id);
            plan.Property(p => p.Name).HasMaxLength(Plan.NameMaxLength).IsRequired();
            plan.HasIndex(p => p.Name).IsUnique();
        });

        modelBuilder.Entity<PracticePlan>(assignment =>
        {
            assignment.ToTable("PracticePlans");
            assignment.HasKey(a => a.TenantId);
            assignment.HasOne<Plan>().WithMany().HasForeignKey(a => a.PlanId).OnDelete(DeleteBehavior.Restrict);
            assignment.HasIndex(a => a.PlanId);
        });

        modelBuilder.Entity<QuotaCounter>(counter =>
        {
            counter.ToTable("PlanQuotaCounters");
            counter.HasKey(c => new { c.TenantId, c.Quota, c.Period });
            counter.Property(c => c.Quota).HasConversion<string>().HasMaxLength(50);
            counter.Property(c => c.Period).HasMaxLength(QuotaCounter.PeriodMaxLength);
        });

        modelBuilder.Entity<QuotaUsage>(usage =>
        {
            usage.ToTable("PlanQuotaUsages");
            usage.HasKey(u => u.Id);
            usage.Property(u => u.Quota).HasConversion<string>().HasMaxLength(50).IsRequired();
            usage.Property(u => u.Reference).HasMaxLength(QuotaUsage.ReferenceMaxLength).IsRequired();
            usage.Property(u => u.Period).HasMaxLength(QuotaCounter.PeriodMaxLength).IsRequired();
            usage.HasIndex(u => new { u.TenantId, u.Quota, u.Reference }).IsUnique();
        });

        modelBuilder.Entity<PlanChange>(change =>
        {
            change.ToTable("PlanChanges");
            change.HasKey(c => c.Id);
            change.Property(c => c.Action).HasMaxLength(32).IsRequired();
            change.Property(c => c.Detail).HasMaxLength(PlanChange.DetailMaxLength).IsRequired();
            change.HasIndex(c => c.At);
        });
    }
}
