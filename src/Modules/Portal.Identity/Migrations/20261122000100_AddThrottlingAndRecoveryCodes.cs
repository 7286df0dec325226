using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Portal.Identity.Data;

namespace Portal.Identity.Migrations;

/// <summary>Sign-in throttling counters and hashed two-factor recovery codes.</summary>
[DbContext(typeof(UsersDbContext))]
[Migration("20261122000100_AddThrottlingAndRecoveryCodes")]
internal sealed class AddThrottlingAndRecoveryCodes : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "SignInThrottles",
            columns: table => new
            {
                Key = table.Column<string>(maxLength: 100, nullable: false),
                Failures = table.Column<int>(nullable: false),
                WindowStartedAt = table.Column<DateTime>(nullable: false),
                BlockedUntil = table.Column<DateTime>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_SignInThrottles", x => x.Key));
        migrationBuilder.CreateIndex("IX_SignInThrottles_WindowStartedAt", "SignInThrottles", "WindowStartedAt");

        migrationBuilder.CreateTable(
            name: "RecoveryCodes",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                UserId = table.Column<Guid>(nullable: false),
                CodeHash = table.Column<string>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                UsedAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_RecoveryCodes", x => x.Id);
                table.ForeignKey("FK_RecoveryCodes_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_RecoveryCodes_UserId", "RecoveryCodes", "UserId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("SignInThrottles");
        migrationBuilder.DropTable("RecoveryCodes");
    }
}
