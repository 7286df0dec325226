using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Portal.Clients.Data;

namespace Portal.Clients.Migrations;

[DbContext(typeof(ClientsDbContext))]
[Migration("20261123000000_CreateClientsTables")]
internal sealed class CreateClientsTables : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Clients",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Kind = table.Column<string>(maxLength: 20, nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                NormalizedName = table.Column<string>(maxLength: 200, nullable: false),
                Phone = table.Column<string>(maxLength: 50, nullable: true),
                Address = table.Column<string>(maxLength: 500, nullable: true),
                ExternalId = table.Column<string>(maxLength: 100, nullable: true),
                Notes = table.Column<string>(maxLength: 4000, nullable: true),
                Status = table.Column<string>(maxLength: 20, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                CreatedBy = table.Column<Guid>(nullable: true),
                UpdatedAt = table.Column<DateTime>(nullable: false),
                ArchivedAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_Clients", x => x.Id));
        migrationBuilder.CreateIndex("IX_Clients_Status_NormalizedName", "Clients", ["Status", "NormalizedName"]);
        migrationBuilder.CreateIndex("IX_Clients_Status_Kind_NormalizedName", "Clients", ["Status", "Kind", "NormalizedName"]);
        migrationBuilder.CreateIndex("IX_Clients_Status_CreatedAt", "Clients", ["Status", "CreatedAt"]);
        migrationBuilder.CreateIndex("IX_Clients_ExternalId", "Clients", "ExternalId", unique: true);

        migrationBuilder.CreateTable(
            name: "ClientEmails",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ClientId = table.Column<Guid>(nullable: false),
                Email = table.Column<string>(maxLength: 320, nullable: false),
                Position = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ClientEmails", x => x.Id);
                table.ForeignKey("FK_ClientEmails_Clients_ClientId", x => x.ClientId, "Clients", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_ClientEmails_ClientId_Position", "ClientEmails", ["ClientId", "Position"]);
        migrationBuilder.CreateIndex("IX_ClientEmails_Email", "ClientEmails", "Email");

        migrationBuilder.CreateTable(
            name: "Portals",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                NormalizedName = table.Column<string>(maxLength: 200, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                CreatedBy = table.Column<Guid>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_Portals", x => x.Id));
        migrationBuilder.CreateIndex("IX_Portals_NormalizedName", "Portals", "NormalizedName", unique: true);

        migrationBuilder.CreateTable(
            name: "PortalClients",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                PortalId = table.Column<Guid>(nullable: false),
                ClientId = table.Column<Guid>(nullable: false),
                AddedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PortalClients", x => x.Id);
                table.ForeignKey("FK_PortalClients_Portals_PortalId", x => x.PortalId, "Portals", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_PortalClients_Clients_ClientId", x => x.ClientId, "Clients", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_PortalClients_ClientId", "PortalClients", "ClientId", unique: true);
        migrationBuilder.CreateIndex("IX_PortalClients_PortalId", "PortalClients", "PortalId");

        migrationBuilder.CreateTable(
            name: "PortalMembers",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                PortalId = table.Column<Guid>(nullable: false),
                UserId = table.Column<Guid>(nullable: false),
                Access = table.Column<string>(maxLength: 20, nullable: false),
                ExpiresOn = table.Column<DateOnly>(nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
                CreatedBy = table.Column<Guid>(nullable: true),
                UpdatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PortalMembers", x => x.Id);
                table.ForeignKey("FK_PortalMembers_Portals_PortalId", x => x.PortalId, "Portals", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_PortalMembers_PortalId_UserId", "PortalMembers", ["PortalId", "UserId"], unique: true);
        migrationBuilder.CreateIndex("IX_PortalMembers_UserId", "PortalMembers", "UserId");

        migrationBuilder.CreateTable(
            name: "PendingClientImports",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                FileName = table.Column<string>(maxLength: 260, nullable: false),
                RowsJson = table.Column<string>(nullable: false),
                CreatedBy = table.Column<Guid>(nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
                ExpiresAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_PendingClientImports", x => x.Id));
        migrationBuilder.CreateIndex("IX_PendingClientImports_ExpiresAt", "PendingClientImports", "ExpiresAt");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("PendingClientImports");
        migrationBuilder.DropTable("PortalMembers");
        migrationBuilder.DropTable("PortalClients");
        migrationBuilder.DropTable("Portals");
        migrationBuilder.DropTable("ClientEmails");
        migrationBuilder.DropTable("Clients");
    }
}
