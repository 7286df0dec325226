using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Portal.Audit.Data;

namespace Portal.Audit.Migrations;

[DbContext(typeof(AuditDbContext))]
[Migration("20261122000000_CreateAuditEvents")]
internal sealed class CreateAuditEvents : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "AuditEvents",
            columns: table => new
            {
                Sequence = table.Column<long>(nullable: false),
                OccurredAt = table.Column<DateTime>(nullable: false),
                Action = table.Column<string>(maxLength: 100, nullable: false),
                ActorId = table.Column<Guid>(nullable: true),
                ActorName = table.Column<string>(maxLength: 320, nullable: true),
                IpAddress = table.Column<string>(maxLength: 64, nullable: true),
                TargetType = table.Column<string>(maxLength: 50, nullable: true),
                TargetId = table.Column<string>(maxLength: 100, nullable: true),
                Details = table.Column<string>(maxLength: 2000, nullable: true),
                PreviousHash = table.Column<string>(maxLength: 64, nullable: false),
                Hash = table.Column<string>(maxLength: 64, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_AuditEvents", x => x.Sequence));
        migrationBuilder.CreateIndex("IX_AuditEvents_OccurredAt", "AuditEvents", "OccurredAt");
        migrationBuilder.CreateIndex("IX_AuditEvents_Action_OccurredAt", "AuditEvents", ["Action", "OccurredAt"]);
        migrationBuilder.CreateIndex("IX_AuditEvents_ActorId_OccurredAt", "AuditEvents", ["ActorId", "OccurredAt"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("AuditEvents");
}
