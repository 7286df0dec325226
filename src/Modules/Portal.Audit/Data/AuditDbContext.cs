using Microsoft.EntityFrameworkCore;
using Portal.Audit.Models;
using Portal.Core.Data;

namespace Portal.Audit.Data;

public sealed class AuditDbContext(DbContextOptions<AuditDbContext> options) : DbContext(options)
{
    public const string MigrationsHistoryTable = "__migrations_audit";

    public DbSet<AuditEvent> Events => Set<AuditEvent>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
        => PortalModelConventions.Apply(configurationBuilder);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AuditEvent>(e =>
        {
            e.ToTable("AuditEvents");
            e.HasKey(x => x.Sequence);
            e.Property(x => x.Sequence).ValueGeneratedNever();
            e.Property(x => x.Action).HasMaxLength(100).IsRequired();
            e.Property(x => x.ActorName).HasMaxLength(320);
            e.Property(x => x.IpAddress).HasMaxLength(64);
            e.Property(x => x.TargetType).HasMaxLength(50);
            e.Property(x => x.TargetId).HasMaxLength(100);
            e.Property(x => x.Details).HasMaxLength(2000);
            e.Property(x => x.PreviousHash).HasMaxLength(64).IsRequired();
            e.Property(x => x.Hash).HasMaxLength(64).IsRequired();
            e.HasIndex(x => x.OccurredAt);
            e.HasIndex(x => new { x.Action, x.OccurredAt });
            e.HasIndex(x => new { x.ActorId, x.OccurredAt });
        });
    }
}
