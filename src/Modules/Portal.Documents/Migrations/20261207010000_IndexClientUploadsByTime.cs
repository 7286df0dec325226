using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Portal.Documents.Data;

namespace Portal.Documents.Migrations;

/// <summary>Client uploads in upload order, a page after the last one seen (the sync API's new files).</summary>
[DbContext(typeof(DocumentsDbContext))]
[Migration("20261207010000_IndexClientUploadsByTime")]
public sealed class IndexClientUploadsByTime : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
        => migrationBuilder.CreateIndex("IX_DocumentVersions_Direction_UploadedAt_Id", "DocumentVersions", ["Direction", "UploadedAt", "Id"]);

    protected override void Down(MigrationBuilder migrationBuilder)
        => migrationBuilder.DropIndex("IX_DocumentVersions_Direction_UploadedAt_Id", "DocumentVersions");
}
