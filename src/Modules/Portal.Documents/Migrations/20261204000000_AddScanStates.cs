using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Portal.Documents.Data;

namespace Portal.Documents.Migrations;

/// <summary>
/// Malware scan state per version, and the version each side sees. Versions stored before scanning
/// existed were never scanned and were already shown to both sides, so they stay that way.
/// </summary>
[DbContext(typeof(DocumentsDbContext))]
[Migration("20261204000000_AddScanStates")]
internal sealed class AddScanStates : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>("ScanState", "DocumentVersions", maxLength: 12, nullable: false, defaultValue: "NotScanned");
        migrationBuilder.AddColumn<string>("ScanSignature", "DocumentVersions", maxLength: 200, nullable: true);
        migrationBuilder.AddColumn<DateTime>("ScannedAt", "DocumentVersions", nullable: true);
        migrationBuilder.CreateIndex("IX_DocumentVersions_ScanState_UploadedAt", "DocumentVersions", ["ScanState", "UploadedAt"]);

        migrationBuilder.AddColumn<Guid>("StaffVersionId", "Documents", nullable: true);
        migrationBuilder.AddColumn<Guid>("ClientVersionId", "Documents", nullable: true);
        migrationBuilder.Sql("""UPDATE "Documents" SET "StaffVersionId" = "CurrentVersionId", "ClientVersionId" = "CurrentVersionId";""");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_DocumentVersions_ScanState_UploadedAt", "DocumentVersions");
        migrationBuilder.DropColumn("ScanState", "DocumentVersions");
        migrationBuilder.DropColumn("ScanSignature", "DocumentVersions");
        migrationBuilder.DropColumn("ScannedAt", "DocumentVersions");
        migrationBuilder.DropColumn("StaffVersionId", "Documents");
        migrationBuilder.DropColumn("ClientVersionId", "Documents");
    }
}
