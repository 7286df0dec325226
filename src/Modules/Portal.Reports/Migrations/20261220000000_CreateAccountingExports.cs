using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Portal.Reports.Data;

namespace Portal.Reports.Migrations;

/// <summary>The accounting import files a practice made, and which payments and refunds went into each.</summary>
[DbContext(typeof(ReportsDbContext))]
[Migration("20261220000000_CreateAccountingExports")]
internal sealed class CreateAccountingExports : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "AccountingExports",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Program = table.Column<string>(maxLength: 32, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                CreatedBy = table.Column<Guid>(nullable: true),
                CreatedByName = table.Column<string>(maxLength: 320, nullable: true),
                RangeFrom = table.Column<DateOnly>(nullable: true),
                RangeTo = table.Column<DateOnly>(nullable: true),
                FileName = table.Column<string>(maxLength: 200, nullable: false),
                ContentType = table.Column<string>(maxLength: 100, nullable: false),
                EntryCount = table.Column<int>(nullable: false),
                FirstEntryNumber = table.Column<long>(nullable: false),
                Content = table.Column<byte[]>(nullable: false),
                Sha256 = table.Column<string>(maxLength: 64, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_AccountingExports", x => x.Id));
        migrationBuilder.CreateIndex("IX_AccountingExports_Program_CreatedAt", "AccountingExports", ["Program", "CreatedAt"]);
        migrationBuilder.CreateIndex("IX_AccountingExports_CreatedAt", "AccountingExports", "CreatedAt");

        migrationBuilder.CreateTable(
            name: "AccountingExportItems",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ExportId = table.Column<Guid>(nullable: false),
                Program = table.Column<string>(maxLength: 32, nullable: false),
                Kind = table.Column<string>(maxLength: 16, nullable: false),
                TransactionId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AccountingExportItems", x => x.Id);
                table.ForeignKey("FK_AccountingExportItems_AccountingExports_ExportId", x => x.ExportId, "AccountingExports", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_AccountingExportItems_Program_TransactionId", "AccountingExportItems", ["Program", "TransactionId"], unique: true);
        migrationBuilder.CreateIndex("IX_AccountingExportItems_ExportId", "AccountingExportItems", "ExportId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("AccountingExportItems");
        migrationBuilder.DropTable("AccountingExports");
    }
}
