using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Portal.Billing.Data;

namespace Portal.Billing.Migrations;

/// <summary>Clients' Pay attempts and their Stripe Checkout Sessions; at most one open per invoice (unique OpenInvoiceId).</summary>
[DbContext(typeof(BillingDbContext))]
[Migration("20261213000000_AddCheckoutAttempts")]
public sealed class AddCheckoutAttempts : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "CheckoutAttempts",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                InvoiceId = table.Column<Guid>(nullable: false),
                OpenInvoiceId = table.Column<Guid>(nullable: true),
                ClientUserId = table.Column<Guid>(nullable: false),
                Amount = table.Column<long>(nullable: false),
                Fee = table.Column<long>(nullable: false),
                Currency = table.Column<string>(maxLength: 3, nullable: false),
                SessionId = table.Column<string>(maxLength: 255, nullable: true),
                Url = table.Column<string>(maxLength: 2000, nullable: true),
                ExpiresAt = table.Column<DateTime>(nullable: false),
                Status = table.Column<string>(maxLength: 10, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CheckoutAttempts", x => x.Id);
                table.ForeignKey("FK_CheckoutAttempts_Invoices_InvoiceId", x => x.InvoiceId, "Invoices", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_CheckoutAttempts_OpenInvoiceId", "CheckoutAttempts", "OpenInvoiceId", unique: true);
        migrationBuilder.CreateIndex("IX_CheckoutAttempts_SessionId", "CheckoutAttempts", "SessionId", unique: true);
        migrationBuilder.CreateIndex("IX_CheckoutAttempts_InvoiceId_CreatedAt", "CheckoutAttempts", ["InvoiceId", "CreatedAt"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("CheckoutAttempts");
}
