using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Portal.Billing.Data;

namespace Portal.Billing.Migrations;

/// <summary>Refunds of online payments, and how much of each payment has been given back.</summary>
[DbContext(typeof(BillingDbContext))]
[Migration("20261214000000_AddRefunds")]
public sealed class AddRefunds : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<long>(name: "RefundedAmount", table: "Payments", nullable: false, defaultValue: 0L);

        migrationBuilder.CreateTable(
            name: "Refunds",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                PaymentId = table.Column<Guid>(nullable: false),
                StripeRefundId = table.Column<string>(maxLength: 255, nullable: false),
                Amount = table.Column<long>(nullable: false),
                Currency = table.Column<string>(maxLength: 3, nullable: false),
                InvoiceAmount = table.Column<long>(nullable: false),
                InvoiceId = table.Column<Guid>(nullable: true),
                Reason = table.Column<string>(maxLength: 24, nullable: true),
                Note = table.Column<string>(maxLength: 500, nullable: true),
                Status = table.Column<string>(maxLength: 16, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                CreatedBy = table.Column<Guid>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Refunds", x => x.Id);
                table.ForeignKey("FK_Refunds_Payments_PaymentId", x => x.PaymentId, "Payments", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_Refunds_StripeRefundId", "Refunds", "StripeRefundId", unique: true);
        migrationBuilder.CreateIndex("IX_Refunds_PaymentId_CreatedAt", "Refunds", ["PaymentId", "CreatedAt"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("Refunds");
        migrationBuilder.DropColumn("RefundedAmount", "Payments");
    }
}
