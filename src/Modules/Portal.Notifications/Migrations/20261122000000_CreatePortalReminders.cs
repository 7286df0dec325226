using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Portal.Notifications.Data;

namespace Portal.Notifications.Migrations;

[DbContext(typeof(NotificationsDbContext))]
[Migration("20261122000000_CreatePortalReminders")]
internal sealed class CreatePortalReminders : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "PortalReminders",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Kind = table.Column<string>(maxLength: 100, nullable: false),
                UserId = table.Column<Guid>(nullable: true),
                Recipient = table.Column<string>(maxLength: 320, nullable: false),
                Summary = table.Column<string>(maxLength: 300, nullable: false),
                Payload = table.Column<string>(nullable: false),
                DeduplicationKey = table.Column<string>(maxLength: 200, nullable: true),
                State = table.Column<string>(maxLength: 20, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                CreatedBy = table.Column<Guid>(nullable: true),
                SentAt = table.Column<DateTime>(nullable: true),
                SentBy = table.Column<Guid>(nullable: true),
                OutboxMessageId = table.Column<Guid>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_PortalReminders", x => x.Id));
        migrationBuilder.CreateIndex("IX_PortalReminders_State_CreatedAt", "PortalReminders", ["State", "CreatedAt"]);
        migrationBuilder.CreateIndex("IX_PortalReminders_DeduplicationKey", "PortalReminders", "DeduplicationKey");
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("PortalReminders");
}
