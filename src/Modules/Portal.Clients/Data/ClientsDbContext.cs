using Microsoft.EntityFrameworkCore;
using Portal.Clients.Models;
using Portal.Core.Data;
using Portal.Core.Events;

namespace Portal.Clients.Data;

public sealed class ClientsDbContext(DbContextOptions<ClientsDbContext> options) : DbContext(options)
{
    public const string MigrationsHistoryTable = "__migrations_clients";

    public DbSet<Client> Clients => Set<Client>();

    public DbSet<ClientEmail> ClientEmails => Set<ClientEmail>();

    public DbSet<ClientPortal> Portals => Set<ClientPortal>();

    public DbSet<PortalClient> PortalClients => Set<PortalClient>();

    public DbSet<PortalMember> PortalMembers => Set<PortalMember>();

    public DbSet<PendingImport> PendingImports => Set<PendingImport>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
        => PortalModelConventions.Apply(configurationBuilder);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.MapDomainEventOutbox();

        modelBuilder.Entity<Client>(c =>
        {
            c.ToTable("Clients");
            c.HasKey(x => x.Id);
            c.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20).IsRequired();
            c.Property(x => x.Name).HasMaxLength(Client.NameMaxLength).IsRequired();
            c.Property(x => x.NormalizedName).HasMaxLength(Client.NameMaxLength).IsRequired();
            c.Property(x => x.Phone).HasMaxLength(Client.PhoneMaxLength);
            c.Property(x => x.Address).HasMaxLength(Client.AddressMaxLength);
            c.Property(x => x.Province).HasMaxLength(Client.ProvinceMaxLength);
            c.Property(x => x.ExternalId).HasMaxLength(Client.ExternalIdMaxLength);
            c.Property(x => x.Notes).HasMaxLength(Client.NotesMaxLength);
            c.Property(x => x.Status).HasConversion<string>().HasMaxLength(20).IsRequired();
            c.HasMany(x => x.Emails).WithOne().HasForeignKey(e => e.ClientId).OnDelete(DeleteBehavior.Cascade);

            // The admin list filters on status and sorts by name, kind or creation; the desktop sync looks clients up by ExternalId.
            c.HasIndex(x => new { x.Status, x.NormalizedName });
            c.HasIndex(x => new { x.Status, x.Kind, x.NormalizedName });
            c.HasIndex(x => new { x.Status, x.CreatedAt });
            c.HasIndex(x => x.ExternalId).IsUnique();
        });

        modelBuilder.Entity<ClientEmail>(e =>
        {
            e.ToTable("ClientEmails");
            e.HasKey(x => x.Id);
            e.Property(x => x.Email).HasMaxLength(Client.EmailMaxLength).IsRequired();
            e.HasIndex(x => new { x.ClientId, x.Position });
            e.HasIndex(x => x.Email);
        });

        modelBuilder.Entity<ClientPortal>(p =>
        {
            p.ToTable("Portals");
            p.HasKey(x => x.Id);
            p.Property(x => x.Name).HasMaxLength(ClientPortal.NameMaxLength).IsRequired();
            p.Property(x => x.NormalizedName).HasMaxLength(ClientPortal.NameMaxLength).IsRequired();
            p.HasIndex(x => x.NormalizedName).IsUnique();
        });

        modelBuilder.Entity<PortalClient>(pc =>
        {
            pc.ToTable("PortalClients");
            pc.HasKey(x => x.Id);
            pc.HasOne<ClientPortal>().WithMany().HasForeignKey(x => x.PortalId).OnDelete(DeleteBehavior.Cascade);
            pc.HasOne<Client>().WithMany().HasForeignKey(x => x.ClientId).OnDelete(DeleteBehavior.Cascade);

            // A client belongs to at most one portal.
            pc.HasIndex(x => x.ClientId).IsUnique();
            pc.HasIndex(x => x.PortalId);
        });

        modelBuilder.Entity<PortalMember>(m =>
        {
            m.ToTable("PortalMembers");
            m.HasKey(x => x.Id);
            m.Property(x => x.Access).HasConversion<string>().HasMaxLength(20).IsRequired();
            m.HasOne<ClientPortal>().WithMany().HasForeignKey(x => x.PortalId).OnDelete(DeleteBehavior.Cascade);
            m.HasIndex(x => new { x.PortalId, x.UserId }).IsUnique();

            // Every request of a client user asks which portals they may use.
            m.HasIndex(x => x.UserId);
        });

        modelBuilder.Entity<PendingImport>(i =>
        {
            i.ToTable("PendingClientImports");
            i.HasKey(x => x.Id);
            i.Property(x => x.FileName).HasMaxLength(260).IsRequired();
            i.Property(x => x.RowsJson).IsRequired();
            i.HasIndex(x => x.ExpiresAt);
        });
    }
}
