using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Portal.Sync.Data;

namespace Portal.Sync.Migrations;

/// <summary>Portal users by the practice's external ids, assignment notes already posted, and the change feed.</summary>
[DbContext(typeof(SyncDbContext))]
[Migration("20261205170000_AddSyncContactsProjectsChanges")]
internal sealed class AddSyncContactsProjectsChanges : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "SyncPortalUsers",
            columns: table => new
            {
                ExternalId = table.Column<string>(maxLength: 100, nullable: false),
                UserId = table.Column<Guid>(nullable: false),
                ClientId = table.Column<Guid>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_SyncPortalUsers", x => x.ExternalId));
        migrationBuilder.CreateIndex("IX_SyncPortalUsers_UserId", "SyncPortalUsers", "UserId");

        migrationBuilder.CreateTable(
            name: "SyncAssignmentNotes",
            columns: table => new
            {
                ProjectId = table.Column<Guid>(nullable: false),
                NoteHash = table.Column<string>(maxLength: 64, nullable: false),
                PostedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_SyncAssignmentNotes", x => new { x.ProjectId, x.NoteHash }));

        migrationBuilder.CreateTable(
            name: "SyncChanges",
            columns: table => new
            {
                Sequence = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                EventId = table.Column<Guid>(nullable: false),
                Kind = table.Column<string>(maxLength: 40, nullable: false),
                OccurredAt = table.Column<DateTime>(nullable: false),
                ClientId = table.Column<Guid>(nullable: false),
                Payload = table.Column<string>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_SyncChanges", x => x.Sequence));
        migrationBuilder.CreateIndex("IX_SyncChanges_EventId", "SyncChanges", "EventId", unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("SyncChanges");
        migrationBuilder.DropTable("SyncAssignmentNotes");
        migrationBuilder.DropTable("SyncPortalUsers");
    }
}
