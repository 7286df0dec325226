using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Portal.Clients.Data;

namespace Portal.Clients.Migrations;

/// <summary>A client's province or territory (Billing passes no card fee to clients in Quebec).</summary>
[DbContext(typeof(ClientsDbContext))]
[Migration("20261215000000_AddClientProvince")]
internal sealed class AddClientProvince : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
        => migrationBuilder.AddColumn<string>(name: "Province", table: "Clients", maxLength: 2, nullable: true);

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropColumn("Province", "Clients");
}
