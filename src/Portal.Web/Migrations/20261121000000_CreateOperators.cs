using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;
using Portal.Web.HostAdmin;

namespace Portal.Web.Migrations;

/// <summary>Platform operator accounts (ASP.NET Core Identity user tables, renamed) in the host store.</summary>
[DbContext(typeof(OperatorDbContext))]
[Migration("20261121000000_CreateOperators")]
public sealed class CreateOperators : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Operators",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                DisplayName = table.Column<string>(maxLength: 200, nullable: false),
                UserName = table.Column<string>(maxLength: 256, nullable: true),
                NormalizedUserName = table.Column<string>(maxLength: 256, nullable: true),
                Email = table.Column<string>(maxLength: 256, nullable: true),
                NormalizedEmail = table.Column<string>(maxLength: 256, nullable: true),
                EmailConfirmed = table.Column<bool>(nullable: false),
                PasswordHash = table.Column<string>(nullable: true),
                SecurityStamp = table.Column<string>(nullable: true),
                ConcurrencyStamp = table.Column<string>(nullable: true),
                PhoneNumber = table.Column<string>(nullable: true),
                PhoneNumberConfirmed = table.Column<bool>(nullable: false),
                TwoFactorEnabled = table.Column<bool>(nullable: false),
                LockoutEnd = table.Column<DateTimeOffset>(nullable: true),
                LockoutEnabled = table.Column<bool>(nullable: false),
                AccessFailedCount = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Operators", x => x.Id));

        migrationBuilder.CreateTable(
            name: "OperatorClaims",
            columns: table => new
            {
                Id = AutoIncrement(table.Column<int>(nullable: false)),
                UserId = table.Column<Guid>(nullable: false),
                ClaimType = table.Column<string>(nullable: true),
                ClaimValue = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_OperatorClaims", x => x.Id);
                table.ForeignKey("FK_OperatorClaims_Operators_UserId", x => x.UserId, "Operators", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "OperatorLogins",
            columns: table => new
            {
                LoginProvider = table.Column<string>(nullable: false),
                ProviderKey = table.Column<string>(nullable: false),
                ProviderDisplayName = table.Column<string>(nullable: true),
                UserId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_OperatorLogins", x => new { x.LoginProvider, x.ProviderKey });
                table.ForeignKey("FK_OperatorLogins_Operators_UserId", x => x.UserId, "Operators", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "OperatorTokens",
            columns: table => new
            {
                UserId = table.Column<Guid>(nullable: false),
                LoginProvider = table.Column<string>(nullable: false),
                Name = table.Column<string>(nullable: false),
                Value = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_OperatorTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                table.ForeignKey("FK_OperatorTokens_Operators_UserId", x => x.UserId, "Operators", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_OperatorClaims_UserId", "OperatorClaims", "UserId");
        migrationBuilder.CreateIndex("IX_OperatorLogins_UserId", "OperatorLogins", "UserId");
        migrationBuilder.CreateIndex("EmailIndex", "Operators", "NormalizedEmail");
        migrationBuilder.CreateIndex("UserNameIndex", "Operators", "NormalizedUserName", unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("OperatorClaims");
        migrationBuilder.DropTable("OperatorLogins");
        migrationBuilder.DropTable("OperatorTokens");
        migrationBuilder.DropTable("Operators");
    }

    private static OperationBuilder<AddColumnOperation> AutoIncrement(OperationBuilder<AddColumnOperation> column)
        => column
            .Annotation("Sqlite:Autoincrement", true)
            .Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);
}
