using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Portal.Plans.Data;

namespace Portal.Plans.Migrations;

/// <summary>The operator's plans, which practice has which, the quota counters and used units, and the plans' audit (host store).</summary>
[DbContext(typeof(PlansDbContext))]
[Migration("20261232000001_CreatePlans")]
internal sealed class CreatePlans : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Plans",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 100, nullable: false),
                PaymentRequestsPerMonth = table.Column<int>(nullable: true),
                StorageGigabytes = table.Column<int>(nullable: true),
                StaffSeats = table.Column<int>(nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Plans", x => x.Id));
        migrationBuilder.CreateIndex("IX_Plans_Name", "Plans", "Name", unique: true);

        migrationBuilder.CreateTable(
            name: "PracticePlans",
            columns: table => new
            {
                TenantId = table.Column<Guid>(nullable: false),
                PlanId = table.Column<Guid>(nullable: false),
                AssignedAt = table.Column<DateTime>(nullable: false),
                AssignedBy = table.Column<Guid>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PracticePlans", x => x.TenantId);
                table.ForeignKey("FK_PracticePlans_Plans_PlanId", x => x.PlanId, "Plans", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_PracticePlans_PlanId", "PracticePlans", "PlanId");

        migrationBuilder.CreateTable(
            name: "PlanQuotaCounters",
            columns: table => new
            {
                TenantId = table.Column<Guid>(nullable: false),
                Quota = table.Column<string>(maxLength: 50, nullable: false),
                Period = table.Column<string>(maxLength: 16, nullable: false),
                Used = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_PlanQuotaCounters", x => new { x.TenantId, x.Quota, x.Period }));

        migrationBuilder.CreateTable(
            name: "PlanQuotaUsages",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
                Quota = table.Column<string>(maxLength: 50, nullable: false),
                Reference = table.Column<string>(maxLength: 200, nullable: false),
                Period = table.Column<string>(maxLength: 16, nullable: false),
                At = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_PlanQuotaUsages", x => x.Id));
        migrationBuilder.CreateIndex("IX_PlanQuotaUsages_TenantId_Quota_Reference", "PlanQuotaUsages", ["TenantId", "Quota", "Reference"], unique: true);

        migrationBuilder.CreateTable(
            name: "PlanChanges",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                At = table.Column<DateTime>(nullable: false),
                OperatorId = table.Column<Guid>(nullable: true),
                Action = table.Column<string>(maxLength: 32, nullable: false),
                PlanId = table.Column<Guid>(nullable: true),
                TenantId = table.Column<Guid>(nullable: true),
                Detail = table.Column<string>(maxLength: 500, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_PlanChanges", x => x.Id));
        migrationBuilder.CreateIndex("IX_PlanChanges_At", "PlanChanges", "At");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("PlanChanges");
        migrationBuilder.DropTable("PlanQuotaUsages");
        migrationBuilder.DropTable("PlanQuotaCounters");
        migrationBuilder.DropTable("PracticePlans");
        migrationBuilder.DropTable("Plans");
    }
}
