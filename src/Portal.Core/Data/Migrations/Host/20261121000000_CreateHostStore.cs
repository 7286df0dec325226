using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Portal.Core.Data.Migrations.Host;

/// <summary>
/// Practice registry, job queue, recurring schedules and data-protection keys. Column types are left
/// to the provider (written once, applied on SQLite and PostgreSQL); a test compares the result with
/// the EF model on both.
/// </summary>
[DbContext(typeof(HostDbContext))]
[Migration("20261121000000_CreateHostStore")]
public sealed class CreateHostStore : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Tenants",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 40, nullable: false),
                DisplayName = table.Column<string>(maxLength: 200, nullable: false),
                State = table.Column<string>(maxLength: 20, nullable: false),
                AdminEmail = table.Column<string>(maxLength: 320, nullable: false),
                SetupRecipe = table.Column<string>(maxLength: 100, nullable: true),
                DatabaseSchema = table.Column<string>(maxLength: 63, nullable: true),
                EnabledFeatures = table.Column<string>(nullable: false),
                SchemaStamp = table.Column<string>(maxLength: 64, nullable: true),
                Version = table.Column<long>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Tenants", x => x.Id));

        migrationBuilder.CreateTable(
            name: "TenantHostNames",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
                HostName = table.Column<string>(maxLength: 253, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_TenantHostNames", x => x.Id);
                table.ForeignKey("FK_TenantHostNames_Tenants_TenantId", x => x.TenantId, "Tenants", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Jobs",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Tenant = table.Column<string>(maxLength: 40, nullable: true),
                Type = table.Column<string>(maxLength: 100, nullable: false),
                Payload = table.Column<string>(nullable: false),
                State = table.Column<int>(nullable: false),
                Attempts = table.Column<int>(nullable: false),
                MaxAttempts = table.Column<int>(nullable: false),
                RunAfter = table.Column<DateTime>(nullable: false),
                LockedBy = table.Column<string>(maxLength: 100, nullable: true),
                LockedUntil = table.Column<DateTime>(nullable: true),
                LastError = table.Column<string>(nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
                CompletedAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_Jobs", x => x.Id));

        migrationBuilder.CreateTable(
            name: "RecurringJobSchedules",
            columns: table => new
            {
                Name = table.Column<string>(maxLength: 100, nullable: false),
                NextRunAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_RecurringJobSchedules", x => x.Name));

        migrationBuilder.CreateTable(
            name: "DataProtectionKeys",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                FriendlyName = table.Column<string>(maxLength: 200, nullable: true),
                Xml = table.Column<string>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_DataProtectionKeys", x => x.Id));

        migrationBuilder.CreateIndex("IX_Tenants_Name", "Tenants", "Name", unique: true);
        migrationBuilder.CreateIndex("IX_Tenants_UpdatedAt", "Tenants", "UpdatedAt");
        migrationBuilder.CreateIndex("IX_TenantHostNames_HostName", "TenantHostNames", "HostName", unique: true);
        migrationBuilder.CreateIndex("IX_TenantHostNames_TenantId", "TenantHostNames", "TenantId");
        migrationBuilder.CreateIndex("IX_Jobs_State_RunAfter", "Jobs", ["State", "RunAfter"]);
        migrationBuilder.CreateIndex("IX_Jobs_CompletedAt", "Jobs", "CompletedAt");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("TenantHostNames");
        migrationBuilder.DropTable("Tenants");
        migrationBuilder.DropTable("Jobs");
        migrationBuilder.DropTable("RecurringJobSchedules");
        migrationBuilder.DropTable("DataProtectionKeys");
    }
}
