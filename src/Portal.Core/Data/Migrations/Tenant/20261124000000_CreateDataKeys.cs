using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Portal.Core.Data.Migrations.Tenant;

/// <summary>The practice's data keys for blob encryption, each wrapped by a master key.</summary>
[DbContext(typeof(CoreTenantDbContext))]
[Migration("20261124000000_CreateDataKeys")]
public sealed class CreateDataKeys : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "DataKeys",
            columns: table => new
            {
                Version = table.Column<int>(nullable: false),
                MasterKeyId = table.Column<string>(maxLength: 100, nullable: false),
                WrappedKey = table.Column<byte[]>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                RetiredAt = table.Column<DateTime>(nullable: true),
                RewrappedAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_DataKeys", x => x.Version));
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("DataKeys");
}
