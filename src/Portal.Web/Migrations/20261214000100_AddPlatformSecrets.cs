using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Portal.Web.HostAdmin;

namespace Portal.Web.Migrations;

/// <summary>Platform secrets set in the host admin (the platform's Stripe keys), wrapped by the master key, and who changed them.</summary>
[DbContext(typeof(OperatorDbContext))]
[Migration("20261214000100_AddPlatformSecrets")]
public sealed class AddPlatformSecrets : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "PlatformSecrets",
            columns: table => new
            {
                Name = table.Column<string>(maxLength: 64, nullable: false),
                MasterKeyId = table.Column<string>(maxLength: 100, nullable: false),
                Ciphertext = table.Column<byte[]>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
                UpdatedBy = table.Column<Guid>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_PlatformSecrets", x => x.Name));

        migrationBuilder.CreateTable(
            name: "PlatformSecretChanges",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 64, nullable: false),
                Action = table.Column<string>(maxLength: 16, nullable: false),
                OperatorId = table.Column<Guid>(nullable: true),
                At = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_PlatformSecretChanges", x => x.Id));
        migrationBuilder.CreateIndex("IX_PlatformSecretChanges_At", "PlatformSecretChanges", "At");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("PlatformSecretChanges");
        migrationBuilder.DropTable("PlatformSecrets");
    }
}
