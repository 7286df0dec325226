using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Portal.Tasks.Data;

namespace Portal.Tasks.Migrations;

[DbContext(typeof(TasksDbContext))]
[Migration("20261205100000_CreateTasks")]
internal sealed class CreateTasks : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Tasks",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ClientId = table.Column<Guid>(nullable: false),
                Title = table.Column<string>(maxLength: 200, nullable: false),
                Description = table.Column<string>(maxLength: 20000, nullable: false),
                DueOn = table.Column<DateOnly>(nullable: true),
                AssignedToEveryone = table.Column<bool>(nullable: false),
                FolderId = table.Column<Guid>(nullable: true),
                IsRequest = table.Column<bool>(nullable: false),
                State = table.Column<string>(maxLength: 16, nullable: false),
                CreatedBy = table.Column<Guid>(nullable: false),
                CreatedByName = table.Column<string>(maxLength: 320, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                CompletedAt = table.Column<DateTime>(nullable: true),
                CompletedByName = table.Column<string>(maxLength: 320, nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_Tasks", x => x.Id));
        migrationBuilder.CreateIndex("IX_Tasks_State_CreatedAt", "Tasks", ["State", "CreatedAt"]);
        migrationBuilder.CreateIndex("IX_Tasks_ClientId_State_CreatedAt", "Tasks", ["ClientId", "State", "CreatedAt"]);
        migrationBuilder.CreateIndex("IX_Tasks_State_DueOn", "Tasks", ["State", "DueOn"]);

        migrationBuilder.CreateTable(
            name: "TaskAssignees",
            columns: table => new
            {
                TaskId = table.Column<Guid>(nullable: false),
                UserId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_TaskAssignees", x => new { x.TaskId, x.UserId });
                table.ForeignKey("FK_TaskAssignees_Tasks_TaskId", x => x.TaskId, "Tasks", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_TaskAssignees_UserId", "TaskAssignees", "UserId");

        migrationBuilder.CreateTable(
            name: "TaskComments",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                TaskId = table.Column<Guid>(nullable: false),
                AuthorId = table.Column<Guid>(nullable: false),
                AuthorName = table.Column<string>(maxLength: 320, nullable: false),
                FromClient = table.Column<bool>(nullable: false),
                Text = table.Column<string>(maxLength: 4000, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                NotifiedAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_TaskComments", x => x.Id);
                table.ForeignKey("FK_TaskComments_Tasks_TaskId", x => x.TaskId, "Tasks", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_TaskComments_TaskId_CreatedAt", "TaskComments", ["TaskId", "CreatedAt"]);

        migrationBuilder.CreateTable(
            name: "TaskAttachments",
            columns: table => new
            {
                TaskId = table.Column<Guid>(nullable: false),
                DocumentId = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 255, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_TaskAttachments", x => new { x.TaskId, x.DocumentId });
                table.ForeignKey("FK_TaskAttachments_Tasks_TaskId", x => x.TaskId, "Tasks", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "RequestItems",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                TaskId = table.Column<Guid>(nullable: false),
                ClientId = table.Column<Guid>(nullable: false),
                Position = table.Column<int>(nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                State = table.Column<string>(maxLength: 16, nullable: false),
                Note = table.Column<string>(maxLength: 1000, nullable: true),
                DocumentId = table.Column<Guid>(nullable: true),
                VersionId = table.Column<Guid>(nullable: true),
                DoneAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_RequestItems", x => x.Id);
                table.ForeignKey("FK_RequestItems_Tasks_TaskId", x => x.TaskId, "Tasks", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_RequestItems_TaskId_Position", "RequestItems", ["TaskId", "Position"]);
        migrationBuilder.CreateIndex("IX_RequestItems_ClientId", "RequestItems", "ClientId");

        migrationBuilder.CreateTable(
            name: "TaskRemindersSent",
            columns: table => new
            {
                TaskId = table.Column<Guid>(nullable: false),
                Day = table.Column<DateOnly>(nullable: false),
                SentAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_TaskRemindersSent", x => new { x.TaskId, x.Day });
                table.ForeignKey("FK_TaskRemindersSent_Tasks_TaskId", x => x.TaskId, "Tasks", "Id", onDelete: ReferentialAction.Cascade);
            });
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("TaskRemindersSent");
        migrationBuilder.DropTable("RequestItems");
        migrationBuilder.DropTable("TaskAttachments");
        migrationBuilder.DropTable("TaskComments");
        migrationBuilder.DropTable("TaskAssignees");
        migrationBuilder.DropTable("Tasks");
    }
}
