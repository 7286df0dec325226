using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Portal.Core.Data.Migrations.Tenant;

/// <summary>The platform's tables in a practice's database: settings, mail outbox, recipe runs.</summary>
[DbContext(typeof(CoreTenantDbContext))]
[Migration("20261121000000_CreateCoreTables")]
public sealed class CreateCoreTables : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Settings",
            columns: table => new
            {
                Section = table.Column<string>(maxLength: 100, nullable: false),
                Json = table.Column<string>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Settings", x => x.Section));

        migrationBuilder.CreateTable(
            name: "OutboxMessages",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                To = table.Column<string>(maxLength: 1000, nullable: false),
                Subject = table.Column<string>(maxLength: 500, nullable: false),
                HtmlBody = table.Column<string>(nullable: false),
                TextBody = table.Column<string>(nullable: false),
                Template = table.Column<string>(maxLength: 100, nullable: true),
                State = table.Column<string>(maxLength: 20, nullable: false),
                Attempts = table.Column<int>(nullable: false),
                LastError = table.Column<string>(maxLength: 2000, nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
                SentAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_OutboxMessages", x => x.Id));

        migrationBuilder.CreateTable(
            name: "RecipeRuns",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                RecipeName = table.Column<string>(maxLength: 100, nullable: false),
                StartedAt = table.Column<DateTime>(nullable: false),
                CompletedAt = table.Column<DateTime>(nullable: true),
                Succeeded = table.Column<bool>(nullable: false),
                Error = table.Column<string>(maxLength: 2000, nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_RecipeRuns", x => x.Id));

        migrationBuilder.CreateIndex("IX_OutboxMessages_CreatedAt", "OutboxMessages", "CreatedAt");
        migrationBuilder.CreateIndex("IX_OutboxMessages_State_CreatedAt", "OutboxMessages", ["State", "CreatedAt"]);
        migrationBuilder.CreateIndex("IX_RecipeRuns_StartedAt", "RecipeRuns", "StartedAt");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("Settings");
        migrationBuilder.DropTable("OutboxMessages");
        migrationBuilder.DropTable("RecipeRuns");
    }
}
