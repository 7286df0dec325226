using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Portal.Documents.Data;

namespace Portal.Documents.Migrations;

/// <summary>Files other modules store through the attachments contract (IAttachmentStore).</summary>
[DbContext(typeof(DocumentsDbContext))]
[Migration("20261207000000_CreateAttachments")]
public sealed class CreateAttachments : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Attachments",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Owner = table.Column<string>(maxLength: 50, nullable: false),
                OwnerId = table.Column<Guid>(nullable: false),
                FileName = table.Column<string>(maxLength: 255, nullable: false),
                BlobKey = table.Column<string>(maxLength: 100, nullable: false),
                Size = table.Column<long>(nullable: false),
                Sha256 = table.Column<string>(maxLength: 64, nullable: false),
                ContentType = table.Column<string>(maxLength: 100, nullable: false),
                UploadedBy = table.Column<Guid>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                ScanState = table.Column<string>(maxLength: 12, nullable: false),
                ScanSignature = table.Column<string>(maxLength: 200, nullable: true),
                ScannedAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_Attachments", x => x.Id));
        migrationBuilder.CreateIndex("IX_Attachments_Owner_OwnerId", "Attachments", ["Owner", "OwnerId"]);
        migrationBuilder.CreateIndex("IX_Attachments_BlobKey", "Attachments", "BlobKey");
        migrationBuilder.CreateIndex("IX_Attachments_ScanState_CreatedAt", "Attachments", ["ScanState", "CreatedAt"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("Attachments");
}
