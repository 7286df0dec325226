using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Portal.Core.Data.Migrations.Tenant;

/// <summary>One-time links of every module (invitations, resets, confirmations), kept by their hash.</summary>
[DbContext(typeof(CoreTenantDbContext))]
[Migration("20261207000000_CreateOneTimeLinks")]
public sealed class CreateOneTimeLinks : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "OneTimeLinks",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Purpose = table.Column<string>(maxLength: 50, nullable: false),
                SubjectId = table.Column<Guid>(nullable: false),
                TokenHash = table.Column<string>(maxLength: 64, nullable: false),
                Data = table.Column<string>(maxLength: 320, nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
                ExpiresAt = table.Column<DateTime>(nullable: false),
                UsedAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_OneTimeLinks", x => x.Id));
        migrationBuilder.CreateIndex("IX_OneTimeLinks_TokenHash", "OneTimeLinks", "TokenHash", unique: true);
        migrationBuilder.CreateIndex("IX_OneTimeLinks_SubjectId_Purpose", "OneTimeLinks", ["SubjectId", "Purpose"]);
        migrationBuilder.CreateIndex("IX_OneTimeLinks_ExpiresAt", "OneTimeLinks", "ExpiresAt");
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("OneTimeLinks");
}
