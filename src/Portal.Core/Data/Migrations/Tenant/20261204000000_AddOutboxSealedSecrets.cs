using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Portal.Core.Data.Migrations.Tenant;

/// <summary>One-time links are kept sealed apart from the outbox copy of a message until it is sent.</summary>
[DbContext(typeof(CoreTenantDbContext))]
[Migration("20261204000000_AddOutboxSealedSecrets")]
public sealed class AddOutboxSealedSecrets : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
        => migrationBuilder.AddColumn<string>(name: "SealedSecrets", table: "OutboxMessages", maxLength: 4000, nullable: true);

    protected override void Down(MigrationBuilder migrationBuilder)
        => migrationBuilder.DropColumn(name: "SealedSecrets", table: "OutboxMessages");
}
