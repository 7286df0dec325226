using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Portal.Billing.Data;

namespace Portal.Billing.Migrations;

/// <summary>Invoices, their lines and tax lines, payments and their allocations, and staff payment levels.</summary>
[DbContext(typeof(BillingDbContext))]
[Migration("20261210000000_CreateBilling")]
public sealed class CreateBilling : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Invoices",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ClientId = table.Column<Guid>(nullable: false),
                Number = table.Column<string>(maxLength: 50, nullable: false),
                NormalizedNumber = table.Column<string>(maxLength: 50, nullable: false),
                ExternalId = table.Column<string>(maxLength: 100, nullable: true),
                IssueDate = table.Column<DateOnly>(nullable: false),
                DueDate = table.Column<DateOnly>(nullable: false),
                Currency = table.Column<string>(maxLength: 3, nullable: false),
                SubtotalAmount = table.Column<long>(nullable: false),
                TaxAmount = table.Column<long>(nullable: false),
                TotalAmount = table.Column<long>(nullable: false),
                PaidAmount = table.Column<long>(nullable: false),
                Status = table.Column<string>(maxLength: 12, nullable: false),
                DocumentId = table.Column<Guid>(nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
                CreatedBy = table.Column<Guid>(nullable: true),
                VoidedAt = table.Column<DateTime>(nullable: true),
                VoidReason = table.Column<string>(maxLength: 500, nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_Invoices", x => x.Id));
        migrationBuilder.CreateIndex("IX_Invoices_NormalizedNumber", "Invoices", "NormalizedNumber", unique: true);
        migrationBuilder.CreateIndex("IX_Invoices_ExternalId", "Invoices", "ExternalId", unique: true);
        migrationBuilder.CreateIndex("IX_Invoices_ClientId_IssueDate_Id", "Invoices", ["ClientId", "IssueDate", "Id"]);
        migrationBuilder.CreateIndex("IX_Invoices_Status_IssueDate_Id", "Invoices", ["Status", "IssueDate", "Id"]);

        migrationBuilder.CreateTable(
            name: "InvoiceLines",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                InvoiceId = table.Column<Guid>(nullable: false),
                Position = table.Column<int>(nullable: false),
                Description = table.Column<string>(maxLength: 500, nullable: false),
                Quantity = table.Column<decimal>(precision: 12, scale: 3, nullable: false),
                UnitAmount = table.Column<long>(nullable: false),
                Amount = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_InvoiceLines", x => x.Id);
                table.ForeignKey("FK_InvoiceLines_Invoices_InvoiceId", x => x.InvoiceId, "Invoices", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_InvoiceLines_InvoiceId_Position", "InvoiceLines", ["InvoiceId", "Position"], unique: true);

        migrationBuilder.CreateTable(
            name: "InvoiceTaxes",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                InvoiceId = table.Column<Guid>(nullable: false),
                Position = table.Column<int>(nullable: false),
                Kind = table.Column<string>(maxLength: 8, nullable: false),
                RatePercent = table.Column<decimal>(precision: 7, scale: 4, nullable: true),
                Amount = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_InvoiceTaxes", x => x.Id);
                table.ForeignKey("FK_InvoiceTaxes_Invoices_InvoiceId", x => x.InvoiceId, "Invoices", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_InvoiceTaxes_InvoiceId_Position", "InvoiceTaxes", ["InvoiceId", "Position"], unique: true);

        migrationBuilder.CreateTable(
            name: "Payments",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ClientId = table.Column<Guid>(nullable: false),
                Method = table.Column<string>(maxLength: 12, nullable: false),
                Status = table.Column<string>(maxLength: 16, nullable: false),
                ReceivedOn = table.Column<DateOnly>(nullable: false),
                Reference = table.Column<string>(maxLength: 200, nullable: true),
                Amount = table.Column<long>(nullable: false),
                Currency = table.Column<string>(maxLength: 3, nullable: false),
                FeeAmount = table.Column<long>(nullable: false),
                UnallocatedAmount = table.Column<long>(nullable: false),
                ProviderKey = table.Column<string>(maxLength: 255, nullable: true),
                CheckoutSessionId = table.Column<string>(maxLength: 255, nullable: true),
                PaymentIntentId = table.Column<string>(maxLength: 255, nullable: true),
                ChargeId = table.Column<string>(maxLength: 255, nullable: true),
                RecordedAt = table.Column<DateTime>(nullable: false),
                RecordedBy = table.Column<Guid>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_Payments", x => x.Id));
        migrationBuilder.CreateIndex("IX_Payments_ProviderKey", "Payments", "ProviderKey", unique: true);
        migrationBuilder.CreateIndex("IX_Payments_ClientId_ReceivedOn_Id", "Payments", ["ClientId", "ReceivedOn", "Id"]);
        migrationBuilder.CreateIndex("IX_Payments_ReceivedOn_Id", "Payments", ["ReceivedOn", "Id"]);

        migrationBuilder.CreateTable(
            name: "PaymentAllocations",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                PaymentId = table.Column<Guid>(nullable: false),
                InvoiceId = table.Column<Guid>(nullable: false),
                Amount = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PaymentAllocations", x => x.Id);
                table.ForeignKey("FK_PaymentAllocations_Payments_PaymentId", x => x.PaymentId, "Payments", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_PaymentAllocations_Invoices_InvoiceId", x => x.InvoiceId, "Invoices", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_PaymentAllocations_PaymentId_InvoiceId", "PaymentAllocations", ["PaymentId", "InvoiceId"], unique: true);
        migrationBuilder.CreateIndex("IX_PaymentAllocations_InvoiceId", "PaymentAllocations", "InvoiceId");

        migrationBuilder.CreateTable(
            name: "PaymentLevels",
            columns: table => new
            {
                UserId = table.Column<Guid>(nullable: false),
                Level = table.Column<string>(maxLength: 8, nullable: false),
                ChangedAt = table.Column<DateTime>(nullable: false),
                ChangedBy = table.Column<Guid>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_PaymentLevels", x => x.UserId));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("PaymentLevels");
        migrationBuilder.DropTable("PaymentAllocations");
        migrationBuilder.DropTable("Payments");
        migrationBuilder.DropTable("InvoiceTaxes");
        migrationBuilder.DropTable("InvoiceLines");
        migrationBuilder.DropTable("Invoices");
    }
}
