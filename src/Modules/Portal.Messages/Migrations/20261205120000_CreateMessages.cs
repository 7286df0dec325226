using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Portal.Messages.Data;

namespace Portal.Messages.Migrations;

/// <summary>Threads, messages, their files, read state, e-mail batches and the contact reasons (with the four defaults).</summary>
[DbContext(typeof(MessagesDbContext))]
[Migration("20261205120000_CreateMessages")]
internal sealed class CreateMessages : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "MessageThreads",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ClientId = table.Column<Guid>(nullable: false),
                Kind = table.Column<string>(maxLength: 16, nullable: false),
                TopicKind = table.Column<string>(maxLength: 50, nullable: true),
                TopicId = table.Column<Guid>(nullable: true),
                Subject = table.Column<string>(maxLength: 200, nullable: false),
                ReasonId = table.Column<Guid>(nullable: true),
                StartedByUserId = table.Column<Guid>(nullable: true),
                AssignedUserId = table.Column<Guid>(nullable: true),
                AssignedRole = table.Column<string>(maxLength: 256, nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
                LastMessageAt = table.Column<DateTime>(nullable: false),
                LastMessageFromClient = table.Column<bool>(nullable: false),
                MessageCount = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_MessageThreads", x => x.Id));
        migrationBuilder.CreateIndex("IX_MessageThreads_TopicKind_TopicId", "MessageThreads", ["TopicKind", "TopicId"], unique: true);
        migrationBuilder.CreateIndex("IX_MessageThreads_LastMessageAt_Id", "MessageThreads", ["LastMessageAt", "Id"]);
        migrationBuilder.CreateIndex("IX_MessageThreads_ClientId_LastMessageAt", "MessageThreads", ["ClientId", "LastMessageAt"]);
        migrationBuilder.CreateIndex("IX_MessageThreads_AssignedUserId_LastMessageAt", "MessageThreads", ["AssignedUserId", "LastMessageAt"]);
        migrationBuilder.CreateIndex("IX_MessageThreads_ReasonId", "MessageThreads", "ReasonId");

        migrationBuilder.CreateTable(
            name: "Messages",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ThreadId = table.Column<Guid>(nullable: false),
                AuthorUserId = table.Column<Guid>(nullable: true),
                AuthorName = table.Column<string>(maxLength: 320, nullable: false),
                FromClient = table.Column<bool>(nullable: false),
                Text = table.Column<string>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Messages", x => x.Id);
                table.ForeignKey("FK_Messages_MessageThreads_ThreadId", x => x.ThreadId, "MessageThreads", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_Messages_ThreadId_CreatedAt", "Messages", ["ThreadId", "CreatedAt"]);

        migrationBuilder.CreateTable(
            name: "MessageAttachments",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                MessageId = table.Column<Guid>(nullable: false),
                AttachmentId = table.Column<Guid>(nullable: false),
                FileName = table.Column<string>(maxLength: 255, nullable: false),
                Size = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_MessageAttachments", x => x.Id);
                table.ForeignKey("FK_MessageAttachments_Messages_MessageId", x => x.MessageId, "Messages", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_MessageAttachments_MessageId", "MessageAttachments", "MessageId");

        migrationBuilder.CreateTable(
            name: "MessageReads",
            columns: table => new
            {
                ThreadId = table.Column<Guid>(nullable: false),
                UserId = table.Column<Guid>(nullable: false),
                ReadUpTo = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_MessageReads", x => new { x.ThreadId, x.UserId });
                table.ForeignKey("FK_MessageReads_MessageThreads_ThreadId", x => x.ThreadId, "MessageThreads", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_MessageReads_UserId", "MessageReads", "UserId");

        migrationBuilder.CreateTable(
            name: "MessageNotices",
            columns: table => new
            {
                ThreadId = table.Column<Guid>(nullable: false),
                RecipientId = table.Column<Guid>(nullable: false),
                PendingSince = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_MessageNotices", x => new { x.ThreadId, x.RecipientId });
                table.ForeignKey("FK_MessageNotices_MessageThreads_ThreadId", x => x.ThreadId, "MessageThreads", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "ContactReasons",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 100, nullable: false),
                Position = table.Column<int>(nullable: false),
                RetiredAt = table.Column<DateTime>(nullable: true),
                RouteToUserId = table.Column<Guid>(nullable: true),
                RouteToRole = table.Column<string>(maxLength: 256, nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_ContactReasons", x => x.Id));
        migrationBuilder.CreateIndex("IX_ContactReasons_Position", "ContactReasons", "Position");

        // Every practice starts with the reasons seed 003 names; the practice renames, reorders or retires them.
        // Ids of digits only: SQLite keeps GUIDs as upper-case text and PostgreSQL as uuid, and both read these alike.
        string[] defaults = ["Reschedule Appointment", "Billing Question", "Tax Question", "Other"];
        for (var i = 0; i < defaults.Length; i++)
        {
            migrationBuilder.Sql($"INSERT INTO \"ContactReasons\" (\"Id\", \"Name\", \"Position\") VALUES ('00000000-0000-0000-0000-00000000000{i + 1}', '{defaults[i]}', {(i + 1) * 10});");
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("ContactReasons");
        migrationBuilder.DropTable("MessageNotices");
        migrationBuilder.DropTable("MessageReads");
        migrationBuilder.DropTable("MessageAttachments");
        migrationBuilder.DropTable("Messages");
        migrationBuilder.DropTable("MessageThreads");
    }
}
