using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Portal.SecureMail.Data;

namespace Portal.SecureMail.Migrations;

/// <summary>When a payment reached a request that was already revoked, locked or expired (staff are told; the money stays in the books).</summary>
[DbContext(typeof(SecureMailDbContext))]
[Migration("20261235130000_AddSecureMessagePaidAfterClosing")]
internal sealed class AddSecureMessagePaidAfterClosing : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
        => migrationBuilder.AddColumn<DateTime>(name: "PaidAfterClosingAt", table: "SecureMessages", nullable: true);

    protected override void Down(MigrationBuilder migrationBuilder)
        => migrationBuilder.DropColumn(name: "PaidAfterClosingAt", table: "SecureMessages");
}
