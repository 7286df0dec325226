using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Portal.Core.Data.Migrations.Tenant;

/// <summary>
/// The practice's event outbox: modules insert events in the transaction of their change (mapping the
/// table into their own context), the job worker hands them to handlers and records each delivery.
/// </summary>
[DbContext(typeof(CoreTenantDbContext))]
[Migration("20261211000000_AddDomainEvents")]
public sealed class AddDomainEvents : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "DomainEvents",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Type = table.Column<string>(maxLength: 100, nullable: false),
                Payload = table.Column<string>(nullable: false),
                OccurredAt = table.Column<DateTime>(nullable: false),
                DispatchedAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_DomainEvents", x => x.Id));

        migrationBuilder.CreateTable(
            name: "DomainEventDeliveries",
            columns: table => new
            {
                EventId = table.Column<Guid>(nullable: false),
                Handler = table.Column<string>(maxLength: 200, nullable: false),
                DeliveredAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_DomainEventDeliveries", x => new { x.EventId, x.Handler }));

        migrationBuilder.CreateIndex("IX_DomainEvents_DispatchedAt_OccurredAt", "DomainEvents", ["DispatchedAt", "OccurredAt"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "DomainEventDeliveries");
        migrationBuilder.DropTable(name: "DomainEvents");
    }
}
