using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Portal.Documents.Data;

namespace Portal.Documents.Migrations;

[DbContext(typeof(DocumentsDbContext))]
[Migration("20261122000000_CreateDocuments")]
internal sealed class CreateDocuments : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Folders",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ClientId = table.Column<Guid>(nullable: false),
                ParentId = table.Column<Guid>(nullable: true),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                ClientCanUpload = table.Column<bool>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                CreatedBy = table.Column<Guid>(nullable: true),
                DeletedAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_Folders", x => x.Id));

        migrationBuilder.CreateTable(
            name: "Documents",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ClientId = table.Column<Guid>(nullable: false),
                FolderId = table.Column<Guid>(nullable: true),
                Name = table.Column<string>(maxLength: 255, nullable: false),
                NormalizedName = table.Column<string>(maxLength: 255, nullable: false),
                CurrentVersionId = table.Column<Guid>(nullable: false),
                VersionCount = table.Column<int>(nullable: false),
                Size = table.Column<long>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
                Direction = table.Column<string>(maxLength: 12, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                DeletedAt = table.Column<DateTime>(nullable: true),
                DeletedBy = table.Column<Guid>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_Documents", x => x.Id));

        migrationBuilder.CreateTable(
            name: "DocumentVersions",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                DocumentId = table.Column<Guid>(nullable: false),
                Number = table.Column<int>(nullable: false),
                BlobKey = table.Column<string>(maxLength: 100, nullable: false),
                Size = table.Column<long>(nullable: false),
                Sha256 = table.Column<string>(maxLength: 64, nullable: false),
                ContentType = table.Column<string>(maxLength: 100, nullable: false),
                Direction = table.Column<string>(maxLength: 12, nullable: false),
                UploadedBy = table.Column<Guid>(nullable: false),
                UploadedByName = table.Column<string>(maxLength: 200, nullable: false),
                UploadedAt = table.Column<DateTime>(nullable: false),
                StaffDownloadedAt = table.Column<DateTime>(nullable: true),
                StaffDownloadedBy = table.Column<Guid>(nullable: true),
                BatchId = table.Column<Guid>(nullable: true),
                NotifiedAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_DocumentVersions", x => x.Id);
                table.ForeignKey("FK_DocumentVersions_Documents_DocumentId", x => x.DocumentId, "Documents", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "DocumentNotes",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                DocumentId = table.Column<Guid>(nullable: false),
                Text = table.Column<string>(maxLength: 4000, nullable: false),
                VisibleToClient = table.Column<bool>(nullable: false),
                AuthorId = table.Column<Guid>(nullable: false),
                AuthorName = table.Column<string>(maxLength: 200, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_DocumentNotes", x => x.Id);
                table.ForeignKey("FK_DocumentNotes_Documents_DocumentId", x => x.DocumentId, "Documents", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "DocumentShares",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ClientId = table.Column<Guid>(nullable: false),
                DocumentId = table.Column<Guid>(nullable: true),
                FolderId = table.Column<Guid>(nullable: true),
                UserId = table.Column<Guid>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                CreatedBy = table.Column<Guid>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_DocumentShares", x => x.Id));

        migrationBuilder.CreateTable(
            name: "Uploads",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ClientId = table.Column<Guid>(nullable: false),
                FolderId = table.Column<Guid>(nullable: true),
                FileName = table.Column<string>(maxLength: 255, nullable: false),
                Length = table.Column<long>(nullable: false),
                BlobKey = table.Column<string>(maxLength: 100, nullable: false),
                UserId = table.Column<Guid>(nullable: false),
                UserName = table.Column<string>(maxLength: 200, nullable: false),
                Direction = table.Column<string>(maxLength: 12, nullable: false),
                BatchId = table.Column<Guid>(nullable: true),
                ContentType = table.Column<string>(maxLength: 100, nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
                ExpiresAt = table.Column<DateTime>(nullable: false),
                CompletedAt = table.Column<DateTime>(nullable: true),
                DocumentVersionId = table.Column<Guid>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_Uploads", x => x.Id));

        migrationBuilder.CreateIndex("IX_Folders_ClientId_ParentId", "Folders", ["ClientId", "ParentId"]);
        migrationBuilder.CreateIndex("IX_Documents_ClientId_FolderId_NormalizedName", "Documents", ["ClientId", "FolderId", "NormalizedName"]);
        migrationBuilder.CreateIndex("IX_Documents_ClientId_DeletedAt_UpdatedAt", "Documents", ["ClientId", "DeletedAt", "UpdatedAt"]);
        migrationBuilder.CreateIndex("IX_Documents_DeletedAt", "Documents", "DeletedAt");
        migrationBuilder.CreateIndex("IX_DocumentVersions_DocumentId_Number", "DocumentVersions", ["DocumentId", "Number"], unique: true);
        migrationBuilder.CreateIndex("IX_DocumentVersions_BlobKey", "DocumentVersions", "BlobKey", unique: true);
        migrationBuilder.CreateIndex("IX_DocumentVersions_Direction_StaffDownloadedAt_UploadedAt", "DocumentVersions", ["Direction", "StaffDownloadedAt", "UploadedAt"]);
        migrationBuilder.CreateIndex("IX_DocumentVersions_BatchId_NotifiedAt", "DocumentVersions", ["BatchId", "NotifiedAt"]);
        migrationBuilder.CreateIndex("IX_DocumentNotes_DocumentId_CreatedAt", "DocumentNotes", ["DocumentId", "CreatedAt"]);
        migrationBuilder.CreateIndex("IX_DocumentShares_UserId_ClientId", "DocumentShares", ["UserId", "ClientId"]);
        migrationBuilder.CreateIndex("IX_DocumentShares_DocumentId", "DocumentShares", "DocumentId");
        migrationBuilder.CreateIndex("IX_DocumentShares_FolderId", "DocumentShares", "FolderId");
        migrationBuilder.CreateIndex("IX_Uploads_UserId", "Uploads", "UserId");
        migrationBuilder.CreateIndex("IX_Uploads_ExpiresAt", "Uploads", "ExpiresAt");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[] { "DocumentNotes", "DocumentVersions", "DocumentShares", "Uploads", "Documents", "Folders" })
        {
            migrationBuilder.DropTable(table);
        }
    }
}
