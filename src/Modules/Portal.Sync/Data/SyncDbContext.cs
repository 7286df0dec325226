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

    public DbSet<SyncedPortalUser> PortalUsers => Set<SyncedPortalUser>();

    public DbSet<SyncedAssignmentNote> AssignmentNotes => Set<SyncedAssignmentNote>();

    public DbSet<SyncChange> Changes => Set<SyncChange>();

    public DbSet<SyncedPayment> SyncedPayments => Set<SyncedPayment>();

    public DbSet<SyncedDocument> SyncedDocuments => Set<SyncedDocument>();

    public DbSet<DownloadedVersion> DownloadedVersions => Set<DownloadedVersion>();

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
        modelBuilder.Entity<SyncedPortalUser>(e =>
        {
            e.ToTable("SyncPortalUsers");
            e.HasKey(x => x.ExternalId);
            e.Property(x => x.ExternalId).HasMaxLength(Api.ISyncItem.ExternalIdMaxLength);
            e.HasIndex(x => x.UserId);
        });
        modelBuilder.Entity<SyncedAssignmentNote>(e =>
        {
            e.ToTable("SyncAssignmentNotes");
            e.HasKey(x => new { x.ProjectId, x.NoteHash });
            e.Property(x => x.NoteHash).HasMaxLength(SyncedAssignmentNote.HashLength);
        });
        modelBuilder.Entity<SyncChange>(e =>
        {
            e.ToTable("SyncChanges");
            e.HasKey(x => x.Sequence);
            e.Property(x => x.Sequence).ValueGeneratedOnAdd();
            e.Property(x => x.Kind).HasMaxLength(SyncChange.KindMaxLength).IsRequired();
            e.Property(x => x.Payload).IsRequired();
            e.HasIndex(x => x.EventId).IsUnique();
        });
        MapSyncedItems(modelBuilder);
    }

    private static void MapSyncedItems(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<SyncedPayment>(e =>
        {
            e.ToTable("SyncedPayments");
            e.HasKey(x => x.ExternalId);
            e.Property(x => x.ExternalId).HasMaxLength(Api.ISyncItem.ExternalIdMaxLength);
            e.Property(x => x.Fingerprint).HasMaxLength(SyncedPayment.FingerprintLength).IsRequired();
            e.HasIndex(x => x.PaymentId).IsUnique();
        });
        modelBuilder.Entity<SyncedDocument>(e =>
        {
            e.ToTable("SyncedDocuments");
            e.HasKey(x => x.ExternalId);
            e.Property(x => x.ExternalId).HasMaxLength(Api.ISyncItem.ExternalIdMaxLength);
            e.Property(x => x.FileName).HasMaxLength(SyncedDocument.FileNameMaxLength).IsRequired();
            e.Property(x => x.Sha256).HasMaxLength(SyncedDocument.Sha256Length).IsRequired();
        });
        modelBuilder.Entity<DownloadedVersion>(e =>
        {
            e.ToTable("SyncDownloadedVersions");
            e.HasKey(x => x.VersionId);
            e.Property(x => x.VersionId).ValueGeneratedNever();
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
