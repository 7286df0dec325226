using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;

namespace Portal.Web.HostAdmin;

/// <summary>Platform operator accounts, in the host store (tables prefixed "Operator").</summary>
public sealed class OperatorDbContext(DbContextOptions<OperatorDbContext> options) : IdentityUserContext<PlatformOperator, Guid>(options)
{
    public const string MigrationsHistoryTable = "__migrations_operators";

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
    }
}
