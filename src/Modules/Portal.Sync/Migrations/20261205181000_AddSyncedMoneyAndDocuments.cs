using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Portal.Sync.Data;

namespace Portal.Sync.Migrations;

/// <summary>The sync API's keys for payments and documents (by the program's external ids) and its "downloaded" marks.</summary>
[DbContext(typeof(SyncDbContext))]
[Migration("20261205181000_AddSyncedMoneyAndDocuments")]
internal sealed class AddSyncedMoneyAndDocuments : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "SyncedPayments",
            columns: table => new
            {
                ExternalId = table.Column<string>(maxLength: 100, nullable: false),
                PaymentId = table.Column<Guid>(nullable: false),
                Fingerprint = table.Column<string>(maxLength: 64, nullable: false),
                SyncedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_SyncedPayments", x => x.ExternalId));
        migrationBuilder.CreateIndex("IX_SyncedPayments_PaymentId", "SyncedPayments", "PaymentId", unique: true);

        migrationBuilder.CreateTable(
            name: "SyncedDocuments",
            columns: table => new
            {
                ExternalId = table.Column<string>(maxLength: 100, nullable: false),
                ClientId = table.Column<Guid>(nullable: false),
                FolderId = table.Column<Guid>(nullable: true),
                FileName = table.Column<string>(maxLength: 255, nullable: false),
                Length = table.Column<long>(nullable: false),
                Sha256 = table.Column<string>(maxLength: 64, nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_SyncedDocuments", x => x.ExternalId));

        migrationBuilder.CreateTable(
            name: "SyncDownloadedVersions",
            columns: table => new
            {
                VersionId = table.Column<Guid>(nullable: false),
                DownloadedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_SyncDownloadedVersions", x => x.VersionId));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("SyncDownloadedVersions");
        migrationBuilder.DropTable("SyncedDocuments");
        migrationBuilder.DropTable("SyncedPayments");
    }
}
