using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Portal.Reports.Data;

namespace Portal.Reports.Migrations;

/// <summary>
/// Export files move from one column of the export's row to numbered chunks, so that making and
/// downloading a file never holds all of it (a year of payments raised the process by hundreds of MiB).
/// A file made before becomes its own single chunk. The column is dropped with plain SQL: SQLite
/// (3.35 and later) and PostgreSQL both take <c>ALTER TABLE ... DROP COLUMN</c> for a column with no
/// index or constraint, where EF Core's SQLite generator would want to rebuild the table from a model
/// these hand-written migrations do not carry.
/// </summary>
[DbContext(typeof(ReportsDbContext))]
[Migration("20261221000000_KeepAccountingExportFilesInChunks")]
internal sealed class KeepAccountingExportFilesInChunks : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "AccountingExportChunks",
            columns: table => new
            {
                ExportId = table.Column<Guid>(nullable: false),
                Number = table.Column<int>(nullable: false),
                Data = table.Column<byte[]>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AccountingExportChunks", x => new { x.ExportId, x.Number });
                table.ForeignKey("FK_AccountingExportChunks_AccountingExports_ExportId", x => x.ExportId, "AccountingExports", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.AddColumn<long>("Size", "AccountingExports", nullable: false, defaultValue: 0L);
        migrationBuilder.Sql("""INSERT INTO "AccountingExportChunks" ("ExportId", "Number", "Data") SELECT "Id", 0, "Content" FROM "AccountingExports" WHERE length("Content") > 0;""");
        migrationBuilder.Sql("""UPDATE "AccountingExports" SET "Size" = length("Content");""");
        migrationBuilder.Sql("""ALTER TABLE "AccountingExports" DROP COLUMN "Content";""");
    }

    /// <summary>Back to the column; only a file of one chunk (a file made before this migration, or one under a chunk's size) comes back whole.</summary>
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<byte[]>("Content", "AccountingExports", nullable: false, defaultValue: Array.Empty<byte>());
        migrationBuilder.Sql("""UPDATE "AccountingExports" SET "Content" = (SELECT c."Data" FROM "AccountingExportChunks" c WHERE c."ExportId" = "AccountingExports"."Id" AND c."Number" = 0) WHERE EXISTS (SELECT 1 FROM "AccountingExportChunks" c WHERE c."ExportId" = "AccountingExports"."Id" AND c."Number" = 0);""");
        migrationBuilder.Sql("""ALTER TABLE "AccountingExports" DROP COLUMN "Size";""");
        migrationBuilder.DropTable("AccountingExportChunks");
    }
}
