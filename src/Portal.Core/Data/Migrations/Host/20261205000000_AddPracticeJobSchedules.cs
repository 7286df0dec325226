using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Portal.Core.Data.Migrations.Host;

/// <summary>
/// Practice recurring jobs: one schedule row per job and practice. The platform rows of the jobs that
/// used to loop over every practice in one run are dropped (they are practice jobs now).
/// </summary>
[DbContext(typeof(HostDbContext))]
[Migration("20261205000000_AddPracticeJobSchedules")]
public sealed class AddPracticeJobSchedules : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "PracticeJobSchedules",
            columns: table => new
            {
                JobType = table.Column<string>(maxLength: 100, nullable: false),
                Tenant = table.Column<string>(maxLength: 40, nullable: false),
                TimeZone = table.Column<string>(maxLength: 100, nullable: false),
                NextRunAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_PracticeJobSchedules", x => new { x.JobType, x.Tenant }));

        migrationBuilder.CreateIndex("IX_PracticeJobSchedules_NextRunAt", "PracticeJobSchedules", "NextRunAt");

        migrationBuilder.Sql("""DELETE FROM "RecurringJobSchedules" WHERE "Name" IN ('mail.sweep', 'identity.cleanup', 'documents.maintenance');""");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
        => migrationBuilder.DropTable("PracticeJobSchedules");
}
