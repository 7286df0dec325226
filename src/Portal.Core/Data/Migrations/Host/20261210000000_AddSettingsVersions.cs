using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Portal.Core.Data.Migrations.Host;

/// <summary>The version of each practice's settings sections, so a save retires only that section's caches.</summary>
[DbContext(typeof(HostDbContext))]
[Migration("20261210000000_AddSettingsVersions")]
public sealed class AddSettingsVersions : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
        => migrationBuilder.CreateTable(
            name: "SettingsVersions",
            columns: table => new
            {
                TenantId = table.Column<Guid>(nullable: false),
                Section = table.Column<string>(maxLength: 100, nullable: false),
                Version = table.Column<long>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_SettingsVersions", x => new { x.TenantId, x.Section });
                table.ForeignKey("FK_SettingsVersions_Tenants_TenantId", x => x.TenantId, "Tenants", "Id", onDelete: ReferentialAction.Cascade);
            });

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("SettingsVersions");
}
