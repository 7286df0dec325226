using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Portal.SecureMail.Data;

namespace Portal.SecureMail.Migrations;

/// <summary>"Can be opened at most N times" (security.md section 5, max opens) and the count of successful unlocks.</summary>
[DbContext(typeof(SecureMailDbContext))]
[Migration("20261234000001_AddSecureMessageOpenLimit")]
internal sealed class AddSecureMessageOpenLimit : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<int>(name: "MaxOpens", table: "SecureMessages", nullable: true);
        migrationBuilder.AddColumn<int>(name: "OpenCount", table: "SecureMessages", nullable: false, defaultValue: 0);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(name: "OpenCount", table: "SecureMessages");
        migrationBuilder.DropColumn(name: "MaxOpens", table: "SecureMessages");
    }
}
