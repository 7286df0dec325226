using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Portal.Billing.Data;

namespace Portal.Billing.Migrations;

/// <summary>Stripe events received for the practice (webhook inbox: stored once, processed by a job).</summary>
[DbContext(typeof(BillingDbContext))]
[Migration("20261212000000_AddStripeEvents")]
public sealed class AddStripeEvents : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "StripeEvents",
            columns: table => new
            {
                Id = table.Column<string>(maxLength: 255, nullable: false),
                Type = table.Column<string>(maxLength: 100, nullable: false),
                Account = table.Column<string>(maxLength: 255, nullable: false),
                Created = table.Column<DateTime>(nullable: false),
                Payload = table.Column<string>(nullable: false),
                ReceivedAt = table.Column<DateTime>(nullable: false),
                ProcessedAt = table.Column<DateTime>(nullable: true),
                LastError = table.Column<string>(maxLength: 2000, nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_StripeEvents", x => x.Id));
        migrationBuilder.CreateIndex("IX_StripeEvents_ProcessedAt_ReceivedAt", "StripeEvents", ["ProcessedAt", "ReceivedAt"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("StripeEvents");
}
