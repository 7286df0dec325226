using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Reports.Exports;

namespace Portal.Reports.Data;

public sealed class ReportsDbContext(DbContextOptions<ReportsDbContext> options) : DbContext(options)
{
    public const string MigrationsHistoryTable = "__migrations_reports";

    public DbSet<AccountingExport> Exports => Set<AccountingExport>();

    public DbSet<AccountingExportItem> ExportItems => Set<AccountingExportItem>();

    public DbSet<AccountingExportChunk> ExportChunks => Set<AccountingExportChunk>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
        => PortalModelConventions.Apply(configurationBuilder);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AccountingExport>(e =>
        {
            e.ToTable("AccountingExports");
            e.HasKey(x => x.Id);
            e.Property(x => x.Program).HasConversion<string>().HasMaxLength(32).IsRequired();
            e.Property(x => x.CreatedByName).HasMaxLength(AccountingExport.NameMaxLength);
            e.Property(x => x.FileName).HasMaxLength(AccountingExport.FileNameMaxLength).IsRequired();
            e.Property(x => x.ContentType).HasMaxLength(AccountingExport.ContentTypeMaxLength).IsRequired();
            e.Property(x => x.Sha256).HasMaxLength(64).IsRequired();
            e.HasIndex(x => new { x.Program, x.CreatedAt });
            e.HasIndex(x => x.CreatedAt);
        });

        modelBuilder.Entity<AccountingExportItem>(e =>
        {
            e.ToTable("AccountingExportItems");
            e.HasKey(x => x.Id);
            e.Property(x => x.Program).HasConversion<string>().HasMaxLength(32).IsRequired();
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16).IsRequired();
            e.HasOne<AccountingExport>().WithMany().HasForeignKey(x => x.ExportId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.Program, x.TransactionId }).IsUnique();
            e.HasIndex(x => x.ExportId);
        });

        modelBuilder.Entity<AccountingExportChunk>(e =>
        {
            e.ToTable("AccountingExportChunks");
            e.HasKey(x => new { x.ExportId, x.Number });
            e.Property(x => x.Data).IsRequired();
            e.HasOne<AccountingExport>().WithMany().HasForeignKey(x => x.ExportId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
