using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Core.Events;
using Portal.Identity.Models;

namespace Portal.Identity.Data;

/// <summary>A practice's users, roles and one-time account tokens (ASP.NET Core Identity tables).</summary>
public sealed class UsersDbContext(DbContextOptions<UsersDbContext> options) : IdentityDbContext<PortalUser, PortalRole, Guid>(options)
{
    public const string MigrationsHistoryTable = "__migrations_identity";

    public DbSet<AccountToken> AccountTokens => Set<AccountToken>();

    public DbSet<UserSession> Sessions => Set<UserSession>();

    public DbSet<SignInThrottle> SignInThrottles => Set<SignInThrottle>();

    public DbSet<RecoveryCode> RecoveryCodes => Set<RecoveryCode>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
        => PortalModelConventions.Apply(configurationBuilder);

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.MapDomainEventOutbox();

        builder.Entity<PortalUser>(user =>
        {
            user.Property(u => u.DisplayName).HasMaxLength(200).IsRequired();
            user.Property(u => u.Kind).HasConversion<string>().HasMaxLength(10).IsRequired();
            user.HasIndex(u => new { u.Kind, u.DisplayName });
        });

        builder.Entity<PortalRole>(role =>
        {
            role.Property(r => r.DisplayName).HasMaxLength(100).IsRequired();
            role.Property(r => r.Description).HasMaxLength(500).IsRequired();
        });

        builder.Entity<AccountToken>(token =>
        {
            token.ToTable("AccountTokens");
            token.HasKey(t => t.Id);
            token.Property(t => t.Purpose).HasMaxLength(30).IsRequired();
            token.Property(t => t.TokenHash).HasMaxLength(64).IsRequired();
            token.Property(t => t.Data).HasMaxLength(320);
            token.HasIndex(t => t.TokenHash).IsUnique();
            token.HasIndex(t => new { t.UserId, t.Purpose });
            token.HasOne<PortalUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<UserSession>(session =>
        {
            session.ToTable("UserSessions");
            session.HasKey(s => s.Id);
            session.Property(s => s.Id).HasMaxLength(64);
            session.Property(s => s.Ticket).IsRequired();
            session.Property(s => s.IpAddress).HasMaxLength(64);
            session.Property(s => s.UserAgent).HasMaxLength(300);
            session.HasIndex(s => s.UserId);
            session.HasIndex(s => s.ExpiresAt);
            session.HasOne<PortalUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<SignInThrottle>(throttle =>
        {
            throttle.ToTable("SignInThrottles");
            throttle.HasKey(t => t.Key);
            throttle.Property(t => t.Key).HasMaxLength(100);
            throttle.HasIndex(t => t.WindowStartedAt);
        });

        builder.Entity<RecoveryCode>(code =>
        {
            code.ToTable("RecoveryCodes");
            code.HasKey(c => c.Id);
            code.Property(c => c.CodeHash).IsRequired();
            code.HasIndex(c => c.UserId);
            code.HasOne<PortalUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
