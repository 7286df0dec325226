using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Portal.Billing.Data;

namespace Portal.Billing.Migrations;

/// <summary>The practice's Stripe connected account and its standing (Connect onboarding).</summary>
[DbContext(typeof(BillingDbContext))]
[Migration("20261211000000_AddPayoutAccounts")]
public sealed class AddPayoutAccounts : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "PayoutAccounts",
            columns: table => new
            {
                StripeAccountId = table.Column<string>(maxLength: 255, nullable: false),
                ChargesEnabled = table.Column<bool>(nullable: false),
                PayoutsEnabled = table.Column<bool>(nullable: false),
                DetailsSubmitted = table.Column<bool>(nullable: false),
                CurrentlyDue = table.Column<string>(maxLength: 4000, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                CreatedBy = table.Column<Guid>(nullable: true),
                UpdatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_PayoutAccounts", x => x.StripeAccountId));
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("PayoutAccounts");
}
