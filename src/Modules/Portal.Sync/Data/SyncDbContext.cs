using Microsoft.EntityFrameworkCore;
using OpenIddict.EntityFrameworkCore.Models;
using Portal.Core.Data;
using Portal.Sync.Models;

namespace Portal.Sync.Data;

/// <summary>
/// The practice's OpenIddict stores (applications, authorizations, scopes, tokens) and its connections.
/// Registered as a practice context, so OpenIddict's stores read and write the practice's own database.
/// </summary>
public sealed class SyncDbContext(DbContextOptions<SyncDbContext> options) : DbContext(options)
{
    public const string MigrationsHistoryTable = "__migrations_sync";

    public const string AuthorizationApplicationKey = "FK_OpenIddictAuthorizations_Application";

    public DbSet<SyncConnection> Connections => Set<SyncConnection>();

    public DbSet<SyncDevicePoll> DevicePolls => Set<SyncDevicePoll>();

    public DbSet<SyncUserCodeAttempt> UserCodeAttempts => Set<SyncUserCodeAttempt>();

    public DbSet<OpenIddictEntityFrameworkCoreAuthorization<Guid>> Authorizations => Set<OpenIddictEntityFrameworkCoreAuthorization<Guid>>();

    public DbSet<OpenIddictEntityFrameworkCoreToken<Guid>> Tokens => Set<OpenIddictEntityFrameworkCoreToken<Guid>>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
        => PortalModelConventions.Apply(configurationBuilder);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.UseOpenIddict<Guid>();

        // OpenIddict's name for this key is 64 characters: PostgreSQL would cut it, SQLite not, and one
        // migration serves both.
        modelBuilder.Entity<OpenIddictEntityFrameworkCoreAuthorization<Guid>>()
            .HasOne(a => a.Application)
            .WithMany(a => a.Authorizations)
            .HasConstraintName(AuthorizationApplicationKey);
        modelBuilder.Entity<SyncConnection>(e =>
        {
            e.ToTable("SyncConnections");
            e.HasKey(x => x.AuthorizationId);
            e.Property(x => x.AuthorizationId).ValueGeneratedNever();
            e.Property(x => x.ApprovedByName).HasMaxLength(320).IsRequired();
            e.Property(x => x.DeviceName).HasMaxLength(SyncDeviceName.MaxLength).IsRequired();
            e.Property(x => x.ApprovedFromIp).HasMaxLength(64);
            e.Property(x => x.LastUsedFromIp).HasMaxLength(64);
            e.Property(x => x.RevokedByName).HasMaxLength(320);
            e.HasIndex(x => x.ApprovedAt);
        });
        modelBuilder.Entity<SyncDevicePoll>(e =>
        {
            e.ToTable("SyncDevicePolls");
            e.HasKey(x => x.DeviceCodeHash);
            e.Property(x => x.DeviceCodeHash).HasMaxLength(SyncDevicePoll.KeyLength);
            e.HasIndex(x => x.LastPolledAt);
        });
        modelBuilder.Entity<SyncUserCodeAttempt>(e =>
        {
            e.ToTable("SyncUserCodeAttempts");
            e.HasKey(x => x.Id);
            e.HasIndex(x => new { x.UserId, x.AttemptedAt });
            e.HasIndex(x => x.AttemptedAt);
        });
    }
}
