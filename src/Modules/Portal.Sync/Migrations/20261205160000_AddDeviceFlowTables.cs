using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Portal.Sync.Data;

namespace Portal.Sync.Migrations;

/// <summary>The device flow's polling pace and its failed user-code attempts.</summary>
[DbContext(typeof(SyncDbContext))]
[Migration("20261205160000_AddDeviceFlowTables")]
internal sealed class AddDeviceFlowTables : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "SyncDevicePolls",
            columns: table => new
            {
                DeviceCodeHash = table.Column<string>(maxLength: 64, nullable: false),
                LastPolledAt = table.Column<DateTime>(nullable: false),
                IntervalSeconds = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_SyncDevicePolls", x => x.DeviceCodeHash));
        migrationBuilder.CreateIndex("IX_SyncDevicePolls_LastPolledAt", "SyncDevicePolls", "LastPolledAt");

        migrationBuilder.CreateTable(
            name: "SyncUserCodeAttempts",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                UserId = table.Column<Guid>(nullable: false),
                AttemptedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_SyncUserCodeAttempts", x => x.Id));
        migrationBuilder.CreateIndex("IX_SyncUserCodeAttempts_AttemptedAt", "SyncUserCodeAttempts", "AttemptedAt");
        migrationBuilder.CreateIndex("IX_SyncUserCodeAttempts_UserId_AttemptedAt", "SyncUserCodeAttempts", ["UserId", "AttemptedAt"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("SyncUserCodeAttempts");
        migrationBuilder.DropTable("SyncDevicePolls");
    }
}
