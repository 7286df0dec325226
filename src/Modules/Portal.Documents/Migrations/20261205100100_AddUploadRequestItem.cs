using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Portal.Documents.Data;

namespace Portal.Documents.Migrations;

/// <summary>An upload may name the document request item it answers (Tasks module), carried to its event.</summary>
[DbContext(typeof(DocumentsDbContext))]
[Migration("20261205100100_AddUploadRequestItem")]
internal sealed class AddUploadRequestItem : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
        => migrationBuilder.AddColumn<Guid>(name: "RequestItemId", table: "Uploads", nullable: true);

    protected override void Down(MigrationBuilder migrationBuilder)
        => migrationBuilder.DropColumn(name: "RequestItemId", table: "Uploads");
}
