using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Portal.Billing.Data;

namespace Portal.Billing.Migrations;

/// <summary>
/// Secure payment requests ride on invoice Checkout: an attempt is for an invoice or for a request (both ids
/// nullable; one open attempt per request by a unique index, as per invoice), and a payment keeps the request,
/// its sender and the invoice number it named. SQLite cannot drop NOT NULL in place, so there the attempts table
/// is rebuilt (rows copied); PostgreSQL alters it.
/// </summary>
[DbContext(typeof(BillingDbContext))]
[Migration("20261231000001_AddPaymentRequestCheckout")]
public sealed class AddPaymentRequestCheckout : Migration
{
    private const string Table = "CheckoutAttempts";
    private const string Before = "CheckoutAttempts_before_requests";

    private const string CopiedColumns = "\"Id\", \"InvoiceId\", \"OpenInvoiceId\", \"ClientUserId\", \"Amount\", \"Fee\", \"Currency\", \"SessionId\", \"Url\", \"ExpiresAt\", \"Status\", \"CreatedAt\"";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        if (migrationBuilder.ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite")
        {
            RebuildAttemptsOnSqlite(migrationBuilder);
        }
        else
        {
            migrationBuilder.AlterColumn<Guid>(name: "InvoiceId", table: Table, nullable: true, oldClrType: typeof(Guid), oldNullable: false);
            migrationBuilder.AlterColumn<Guid>(name: "ClientUserId", table: Table, nullable: true, oldClrType: typeof(Guid), oldNullable: false);
            migrationBuilder.AddColumn<Guid>(name: "PaymentRequestId", table: Table, nullable: true);
            migrationBuilder.AddColumn<Guid>(name: "OpenPaymentRequestId", table: Table, nullable: true);
            migrationBuilder.AddColumn<string>(name: "PayerEmail", table: Table, maxLength: 320, nullable: true);
            migrationBuilder.AddColumn<Guid>(name: "ClientId", table: Table, nullable: true);
            migrationBuilder.AddColumn<string>(name: "Description", table: Table, maxLength: 200, nullable: true);
            migrationBuilder.AddColumn<string>(name: "InvoiceNumber", table: Table, maxLength: 50, nullable: true);
            migrationBuilder.AddColumn<Guid>(name: "RequestedBy", table: Table, nullable: true);
            migrationBuilder.AddColumn<string>(name: "CancelUrl", table: Table, maxLength: 2000, nullable: true);
        }

        migrationBuilder.CreateIndex("IX_CheckoutAttempts_OpenPaymentRequestId", Table, "OpenPaymentRequestId", unique: true);
        migrationBuilder.CreateIndex("IX_CheckoutAttempts_PaymentRequestId_CreatedAt", Table, ["PaymentRequestId", "CreatedAt"]);

        migrationBuilder.AddColumn<Guid>(name: "PaymentRequestId", table: "Payments", nullable: true);
        migrationBuilder.AddColumn<Guid>(name: "RequestedBy", table: "Payments", nullable: true);
        migrationBuilder.AddColumn<string>(name: "InvoiceNumber", table: "Payments", maxLength: 50, nullable: true);
        migrationBuilder.CreateIndex("IX_Payments_PaymentRequestId", "Payments", "PaymentRequestId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_Payments_PaymentRequestId", "Payments");
        migrationBuilder.DropColumn("InvoiceNumber", "Payments");
        migrationBuilder.DropColumn("RequestedBy", "Payments");
        migrationBuilder.DropColumn("PaymentRequestId", "Payments");
        migrationBuilder.DropIndex("IX_CheckoutAttempts_PaymentRequestId_CreatedAt", Table);
        migrationBuilder.DropIndex("IX_CheckoutAttempts_OpenPaymentRequestId", Table);

        // Requests' attempts have no invoice: they go, and the columns with them (nullability stays as it is).
        migrationBuilder.Sql("DELETE FROM \"CheckoutAttempts\" WHERE \"InvoiceId\" IS NULL;");
        foreach (var column in new[] { "CancelUrl", "RequestedBy", "InvoiceNumber", "Description", "ClientId", "PayerEmail", "OpenPaymentRequestId", "PaymentRequestId" })
        {
            migrationBuilder.DropColumn(column, Table);
        }
    }

    private static void RebuildAttemptsOnSqlite(MigrationBuilder migrationBuilder)
    {
        // SQLite's index names are global: the old table's go first so the new table can have them.
        migrationBuilder.DropIndex("IX_CheckoutAttempts_OpenInvoiceId", Table);
        migrationBuilder.DropIndex("IX_CheckoutAttempts_SessionId", Table);
        migrationBuilder.DropIndex("IX_CheckoutAttempts_InvoiceId_CreatedAt", Table);
        migrationBuilder.RenameTable(Table, newName: Before);
        migrationBuilder.CreateTable(
            name: Table,
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                InvoiceId = table.Column<Guid>(nullable: true),
                OpenInvoiceId = table.Column<Guid>(nullable: true),
                ClientUserId = table.Column<Guid>(nullable: true),
                Amount = table.Column<long>(nullable: false),
                Fee = table.Column<long>(nullable: false),
                Currency = table.Column<string>(maxLength: 3, nullable: false),
                SessionId = table.Column<string>(maxLength: 255, nullable: true),
                Url = table.Column<string>(maxLength: 2000, nullable: true),
                ExpiresAt = table.Column<DateTime>(nullable: false),
                Status = table.Column<string>(maxLength: 10, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                PaymentRequestId = table.Column<Guid>(nullable: true),
                OpenPaymentRequestId = table.Column<Guid>(nullable: true),
                PayerEmail = table.Column<string>(maxLength: 320, nullable: true),
                ClientId = table.Column<Guid>(nullable: true),
                Description = table.Column<string>(maxLength: 200, nullable: true),
                InvoiceNumber = table.Column<string>(maxLength: 50, nullable: true),
                RequestedBy = table.Column<Guid>(nullable: true),
                CancelUrl = table.Column<string>(maxLength: 2000, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CheckoutAttempts", x => x.Id);
                table.ForeignKey("FK_CheckoutAttempts_Invoices_InvoiceId", x => x.InvoiceId, "Invoices", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.Sql($"INSERT INTO \"{Table}\" ({CopiedColumns}) SELECT {CopiedColumns} FROM \"{Before}\";");
        migrationBuilder.DropTable(Before);
        migrationBuilder.CreateIndex("IX_CheckoutAttempts_OpenInvoiceId", Table, "OpenInvoiceId", unique: true);
        migrationBuilder.CreateIndex("IX_CheckoutAttempts_SessionId", Table, "SessionId", unique: true);
        migrationBuilder.CreateIndex("IX_CheckoutAttempts_InvoiceId_CreatedAt", Table, ["InvoiceId", "CreatedAt"]);
    }
}
