using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Portal.Sync.Data;

namespace Portal.Sync.Migrations;

/// <summary>OpenIddict's four stores (their model with Guid keys) and the practice's connections.</summary>
[DbContext(typeof(SyncDbContext))]
[Migration("20261205140000_CreateSyncTables")]
internal sealed class CreateSyncTables : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "OpenIddictApplications",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ApplicationType = table.Column<string>(maxLength: 50, nullable: true),
                ClientId = table.Column<string>(maxLength: 100, nullable: true),
                ClientSecret = table.Column<string>(nullable: true),
                ClientType = table.Column<string>(maxLength: 50, nullable: true),
                ConcurrencyToken = table.Column<string>(maxLength: 50, nullable: true),
                ConsentType = table.Column<string>(maxLength: 50, nullable: true),
                DisplayName = table.Column<string>(nullable: true),
                DisplayNames = table.Column<string>(nullable: true),
                JsonWebKeySet = table.Column<string>(nullable: true),
                Permissions = table.Column<string>(nullable: true),
                PostLogoutRedirectUris = table.Column<string>(nullable: true),
                Properties = table.Column<string>(nullable: true),
                RedirectUris = table.Column<string>(nullable: true),
                Requirements = table.Column<string>(nullable: true),
                Settings = table.Column<string>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_OpenIddictApplications", x => x.Id));
        migrationBuilder.CreateIndex("IX_OpenIddictApplications_ClientId", "OpenIddictApplications", "ClientId", unique: true);

        migrationBuilder.CreateTable(
            name: "OpenIddictScopes",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ConcurrencyToken = table.Column<string>(maxLength: 50, nullable: true),
                Description = table.Column<string>(nullable: true),
                Descriptions = table.Column<string>(nullable: true),
                DisplayName = table.Column<string>(nullable: true),
                DisplayNames = table.Column<string>(nullable: true),
                Name = table.Column<string>(maxLength: 200, nullable: true),
                Properties = table.Column<string>(nullable: true),
                Resources = table.Column<string>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_OpenIddictScopes", x => x.Id));
        migrationBuilder.CreateIndex("IX_OpenIddictScopes_Name", "OpenIddictScopes", "Name", unique: true);

        migrationBuilder.CreateTable(
            name: "OpenIddictAuthorizations",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ApplicationId = table.Column<Guid>(nullable: true),
                ConcurrencyToken = table.Column<string>(maxLength: 50, nullable: true),
                CreationDate = table.Column<DateTime>(nullable: true),
                Properties = table.Column<string>(nullable: true),
                Scopes = table.Column<string>(nullable: true),
                Status = table.Column<string>(maxLength: 50, nullable: true),
                Subject = table.Column<string>(maxLength: 400, nullable: true),
                Type = table.Column<string>(maxLength: 50, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_OpenIddictAuthorizations", x => x.Id);
                table.ForeignKey(SyncDbContext.AuthorizationApplicationKey, x => x.ApplicationId, "OpenIddictApplications", "Id");
            });
        migrationBuilder.CreateIndex(
            "IX_OpenIddictAuthorizations_ApplicationId_Status_Subject_Type",
            "OpenIddictAuthorizations",
            ["ApplicationId", "Status", "Subject", "Type"]);

        migrationBuilder.CreateTable(
            name: "OpenIddictTokens",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ApplicationId = table.Column<Guid>(nullable: true),
                AuthorizationId = table.Column<Guid>(nullable: true),
                ConcurrencyToken = table.Column<string>(maxLength: 50, nullable: true),
                CreationDate = table.Column<DateTime>(nullable: true),
                ExpirationDate = table.Column<DateTime>(nullable: true),
                Payload = table.Column<string>(nullable: true),
                Properties = table.Column<string>(nullable: true),
                RedemptionDate = table.Column<DateTime>(nullable: true),
                ReferenceId = table.Column<string>(maxLength: 100, nullable: true),
                Status = table.Column<string>(maxLength: 50, nullable: true),
                Subject = table.Column<string>(maxLength: 400, nullable: true),
                Type = table.Column<string>(maxLength: 150, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_OpenIddictTokens", x => x.Id);
                table.ForeignKey("FK_OpenIddictTokens_OpenIddictApplications_ApplicationId", x => x.ApplicationId, "OpenIddictApplications", "Id");
                table.ForeignKey("FK_OpenIddictTokens_OpenIddictAuthorizations_AuthorizationId", x => x.AuthorizationId, "OpenIddictAuthorizations", "Id");
            });
        migrationBuilder.CreateIndex("IX_OpenIddictTokens_AuthorizationId", "OpenIddictTokens", "AuthorizationId");
        migrationBuilder.CreateIndex("IX_OpenIddictTokens_ReferenceId", "OpenIddictTokens", "ReferenceId", unique: true);
        migrationBuilder.CreateIndex(
            "IX_OpenIddictTokens_ApplicationId_Status_Subject_Type",
            "OpenIddictTokens",
            ["ApplicationId", "Status", "Subject", "Type"]);

        migrationBuilder.CreateTable(
            name: "SyncConnections",
            columns: table => new
            {
                AuthorizationId = table.Column<Guid>(nullable: false),
                ApprovedById = table.Column<Guid>(nullable: false),
                ApprovedByName = table.Column<string>(maxLength: 320, nullable: false),
                ApprovedAt = table.Column<DateTime>(nullable: false),
                DeviceName = table.Column<string>(maxLength: 100, nullable: false),
                ApprovedFromIp = table.Column<string>(maxLength: 64, nullable: true),
                LastUsedAt = table.Column<DateTime>(nullable: true),
                LastUsedFromIp = table.Column<string>(maxLength: 64, nullable: true),
                RevokedAt = table.Column<DateTime>(nullable: true),
                RevokedByName = table.Column<string>(maxLength: 320, nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_SyncConnections", x => x.AuthorizationId));
        migrationBuilder.CreateIndex("IX_SyncConnections_ApprovedAt", "SyncConnections", "ApprovedAt");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("SyncConnections");
        migrationBuilder.DropTable("OpenIddictTokens");
        migrationBuilder.DropTable("OpenIddictAuthorizations");
        migrationBuilder.DropTable("OpenIddictScopes");
        migrationBuilder.DropTable("OpenIddictApplications");
    }
}
