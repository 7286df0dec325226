using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;

namespace Portal.Web.HostAdmin;

/// <summary>Platform operator accounts, in the host store (tables prefixed "Operator").</summary>
public sealed class OperatorDbContext(DbContextOptions<OperatorDbContext> options) : IdentityUserContext<PlatformOperator, Guid>(options)
{
    public const string MigrationsHistoryTable = "__migrations_operators";

    public DbSet<PlatformSecretRecord> PlatformSecrets => Set<PlatformSecretRecord>();

    public DbSet<PlatformSecretChange> PlatformSecretChanges => Set<PlatformSecretChange>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
        => PortalModelConventions.Apply(configurationBuilder);

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<PlatformOperator>(b =>
        {
            b.ToTable("Operators");
            b.Property(o => o.DisplayName).HasMaxLength(200).IsRequired();
        });
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("OperatorClaims");
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("OperatorLogins");
        builder.Entity<IdentityUserToken<Guid>>().ToTable("OperatorTokens");
        builder.Entity<PlatformSecretRecord>(b =>
        {
            b.ToTable("PlatformSecrets");
            b.HasKey(x => x.Name);
            b.Property(x => x.Name).HasMaxLength(PlatformSecretRecord.NameMaxLength);
            b.Property(x => x.MasterKeyId).HasMaxLength(100).IsRequired();
            b.Property(x => x.Ciphertext).IsRequired();
        });
        builder.Entity<PlatformSecretChange>(b =>
        {
            b.ToTable("PlatformSecretChanges");
            b.HasKey(x => x.Id);
            b.Property(x => x.Name).HasMaxLength(PlatformSecretRecord.NameMaxLength).IsRequired();
            b.Property(x => x.Action).HasMaxLength(16).IsRequired();
            b.HasIndex(x => x.At);
        });
    }
}
