using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Core.Events;
using Portal.Documents.Models;

namespace Portal.Documents.Data;

public sealed class DocumentsDbContext(DbContextOptions<DocumentsDbContext> options) : DbContext(options)
{
    public const string MigrationsHistoryTable = "__migrations_documents";

    public DbSet<Folder> Folders => Set<Folder>();

    public DbSet<Document> Documents => Set<Document>();

    public DbSet<DocumentVersion> Versions => Set<DocumentVersion>();

    public DbSet<DocumentNote> Notes => Set<DocumentNote>();

    public DbSet<DocumentShare> Shares => Set<DocumentShare>();

    public DbSet<Upload> Uploads => Set<Upload>();

    public DbSet<Attachment> Attachments => Set<Attachment>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
        => PortalModelConventions.Apply(configurationBuilder);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.MapDomainEventOutbox();

        modelBuilder.Entity<Folder>(f =>
        {
            f.ToTable("Folders");
            f.HasKey(x => x.Id);
            f.Property(x => x.Name).HasMaxLength(200).IsRequired();
            f.HasIndex(x => new { x.ClientId, x.ParentId });
        });

        modelBuilder.Entity<Document>(d =>
        {
            d.ToTable("Documents");
            d.HasKey(x => x.Id);
            d.Property(x => x.Name).HasMaxLength(255).IsRequired();
            d.Property(x => x.NormalizedName).HasMaxLength(255).IsRequired();
            d.Property(x => x.Direction).HasConversion<string>().HasMaxLength(12).IsRequired();
            d.HasIndex(x => new { x.ClientId, x.FolderId, x.NormalizedName });
            d.HasIndex(x => new { x.ClientId, x.DeletedAt, x.UpdatedAt });
            d.HasIndex(x => x.DeletedAt);
        });

        modelBuilder.Entity<DocumentVersion>(v =>
        {
            v.ToTable("DocumentVersions");
            v.HasKey(x => x.Id);
            v.Property(x => x.BlobKey).HasMaxLength(100).IsRequired();
            v.Property(x => x.Sha256).HasMaxLength(64).IsRequired();
            v.Property(x => x.ContentType).HasMaxLength(100).IsRequired();
            v.Property(x => x.Direction).HasConversion<string>().HasMaxLength(12).IsRequired();
            v.Property(x => x.UploadedByName).HasMaxLength(200).IsRequired();
            v.Property(x => x.ScanState).HasConversion<string>().HasMaxLength(12).IsRequired();
            v.Property(x => x.ScanSignature).HasMaxLength(200);
            v.HasIndex(x => new { x.DocumentId, x.Number }).IsUnique();
            v.HasIndex(x => x.BlobKey).IsUnique();
            v.HasIndex(x => new { x.Direction, x.StaffDownloadedAt, x.UploadedAt });
            v.HasIndex(x => new { x.Direction, x.UploadedAt, x.Id });
            v.HasIndex(x => new { x.BatchId, x.NotifiedAt });
            v.HasIndex(x => new { x.ScanState, x.UploadedAt });
            v.HasOne<Document>().WithMany().HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<DocumentNote>(n =>
        {
            n.ToTable("DocumentNotes");
            n.HasKey(x => x.Id);
            n.Property(x => x.Text).HasMaxLength(4000).IsRequired();
            n.Property(x => x.AuthorName).HasMaxLength(200).IsRequired();
            n.HasIndex(x => new { x.DocumentId, x.CreatedAt });
            n.HasOne<Document>().WithMany().HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<DocumentShare>(s =>
        {
            s.ToTable("DocumentShares");
            s.HasKey(x => x.Id);
            s.HasIndex(x => new { x.UserId, x.ClientId });
            s.HasIndex(x => x.DocumentId);
            s.HasIndex(x => x.FolderId);
        });

        modelBuilder.Entity<Upload>(u =>
        {
            u.ToTable("Uploads");
            u.HasKey(x => x.Id);
            u.Property(x => x.FileName).HasMaxLength(255).IsRequired();
            u.Property(x => x.BlobKey).HasMaxLength(100).IsRequired();
            u.Property(x => x.UserName).HasMaxLength(200).IsRequired();
            u.Property(x => x.Direction).HasConversion<string>().HasMaxLength(12).IsRequired();
            u.Property(x => x.ContentType).HasMaxLength(100);
            u.HasIndex(x => x.UserId);
            u.HasIndex(x => x.ExpiresAt);
        });

        modelBuilder.Entity<Attachment>(a =>
        {
            a.ToTable("Attachments");
            a.HasKey(x => x.Id);
            a.Property(x => x.Owner).HasMaxLength(Attachment.OwnerMaxLength).IsRequired();
            a.Property(x => x.FileName).HasMaxLength(255).IsRequired();
            a.Property(x => x.BlobKey).HasMaxLength(100).IsRequired();
            a.Property(x => x.Sha256).HasMaxLength(64).IsRequired();
            a.Property(x => x.ContentType).HasMaxLength(100).IsRequired();
            a.Property(x => x.ScanState).HasConversion<string>().HasMaxLength(12).IsRequired();
            a.Property(x => x.ScanSignature).HasMaxLength(200);
            a.HasIndex(x => new { x.Owner, x.OwnerId });
            a.HasIndex(x => x.BlobKey);
            a.HasIndex(x => new { x.ScanState, x.CreatedAt });
        });
    }
}
