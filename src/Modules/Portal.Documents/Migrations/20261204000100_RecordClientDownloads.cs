using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Portal.Documents.Data;

namespace Portal.Documents.Migrations;

/// <summary>When a client's portal user first downloaded a version the practice sent (its "New" mark).</summary>
[DbContext(typeof(DocumentsDbContext))]
[Migration("20261204000100_RecordClientDownloads")]
internal sealed class RecordClientDownloads : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<DateTime>("ClientDownloadedAt", "DocumentVersions", nullable: true);
        migrationBuilder.AddColumn<Guid>("ClientDownloadedBy", "DocumentVersions", nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn("ClientDownloadedBy", "DocumentVersions");
        migrationBuilder.DropColumn("ClientDownloadedAt", "DocumentVersions");
    }
}
