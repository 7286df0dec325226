using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Portal.Projects.Data;

namespace Portal.Projects.Migrations;

/// <summary>Projects, the practice's status list and the status history (the default statuses are data: <see cref="Services.DefaultProjectStatuses"/>).</summary>
[DbContext(typeof(ProjectsDbContext))]
[Migration("20261205110000_CreateProjects")]
internal sealed class CreateProjects : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "ProjectStatuses",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 60, nullable: false),
                Position = table.Column<int>(nullable: false),
                WaitingOnClient = table.Column<bool>(nullable: false),
                RetiredAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_ProjectStatuses", x => x.Id));
        migrationBuilder.CreateIndex("IX_ProjectStatuses_Position", "ProjectStatuses", "Position");

        migrationBuilder.CreateTable(
            name: "Projects",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ClientId = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                FolderId = table.Column<Guid>(nullable: false),
                StatusId = table.Column<Guid>(nullable: false),
                ExpectedOn = table.Column<DateOnly>(nullable: true),
                ExternalId = table.Column<string>(maxLength: 100, nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Projects", x => x.Id);
                table.ForeignKey("FK_Projects_ProjectStatuses_StatusId", x => x.StatusId, "ProjectStatuses", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_Projects_ClientId_UpdatedAt_Id", "Projects", ["ClientId", "UpdatedAt", "Id"]);
        migrationBuilder.CreateIndex("IX_Projects_UpdatedAt_Id", "Projects", ["UpdatedAt", "Id"]);
        migrationBuilder.CreateIndex("IX_Projects_StatusId_UpdatedAt_Id", "Projects", ["StatusId", "UpdatedAt", "Id"]);
        migrationBuilder.CreateIndex("IX_Projects_ExternalId", "Projects", "ExternalId", unique: true);

        migrationBuilder.CreateTable(
            name: "ProjectStatusChanges",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ProjectId = table.Column<Guid>(nullable: false),
                At = table.Column<DateTime>(nullable: false),
                ByUserId = table.Column<Guid>(nullable: true),
                ByName = table.Column<string>(maxLength: 200, nullable: false),
                FromStatusId = table.Column<Guid>(nullable: true),
                FromName = table.Column<string>(maxLength: 60, nullable: true),
                ToStatusId = table.Column<Guid>(nullable: false),
                ToName = table.Column<string>(maxLength: 60, nullable: false),
                Note = table.Column<string>(maxLength: 4000, nullable: true),
                PostedAsMessage = table.Column<bool>(nullable: false),
                EmailedClient = table.Column<bool>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ProjectStatusChanges", x => x.Id);
                table.ForeignKey("FK_ProjectStatusChanges_Projects_ProjectId", x => x.ProjectId, "Projects", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_ProjectStatusChanges_ProjectId_At", "ProjectStatusChanges", ["ProjectId", "At"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("ProjectStatusChanges");
        migrationBuilder.DropTable("Projects");
        migrationBuilder.DropTable("ProjectStatuses");
    }
}
