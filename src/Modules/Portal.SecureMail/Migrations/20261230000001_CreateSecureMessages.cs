using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Portal.SecureMail.Data;

namespace Portal.SecureMail.Migrations;

/// <summary>Secure e-mails and payment requests, their files, every unlock attempt and the recipients' replies.</summary>
[DbContext(typeof(SecureMailDbContext))]
[Migration("20261230000001_CreateSecureMessages")]
internal sealed class CreateSecureMessages : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "SecureMessages",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Kind = table.Column<string>(maxLength: 32, nullable: false),
                SenderId = table.Column<Guid>(nullable: false),
                SenderName = table.Column<string>(maxLength: 320, nullable: false),
                RecipientEmail = table.Column<string>(maxLength: 320, nullable: false),
                ClientId = table.Column<Guid>(nullable: true),
                Subject = table.Column<string>(maxLength: 200, nullable: false),
                SealedBody = table.Column<string>(nullable: false),
                PasswordHash = table.Column<string>(maxLength: 200, nullable: false),
                Hint = table.Column<string>(maxLength: 200, nullable: false),
                TokenHash = table.Column<string>(maxLength: 64, nullable: false),
                SessionStamp = table.Column<string>(maxLength: 32, nullable: false),
                ExpiresAt = table.Column<DateTime>(nullable: false),
                NotifyWhenOpened = table.Column<bool>(nullable: false),
                OutboxMessageId = table.Column<Guid>(nullable: true),
                SendCount = table.Column<int>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                SentAt = table.Column<DateTime>(nullable: true),
                DeliveredAt = table.Column<DateTime>(nullable: true),
                OpenedAt = table.Column<DateTime>(nullable: true),
                UnlockedAt = table.Column<DateTime>(nullable: true),
                LockedAt = table.Column<DateTime>(nullable: true),
                RevokedAt = table.Column<DateTime>(nullable: true),
                ExpiredAt = table.Column<DateTime>(nullable: true),
                FailedAt = table.Column<DateTime>(nullable: true),
                FailedAttempts = table.Column<int>(nullable: false),
                Currency = table.Column<string>(maxLength: 3, nullable: true),
                InvoiceNumber = table.Column<string>(maxLength: 50, nullable: true),
                Amount = table.Column<long>(nullable: true),
                IncludeFee = table.Column<bool>(nullable: false),
                Fee = table.Column<long>(nullable: true),
                PaymentStatus = table.Column<string>(maxLength: 32, nullable: false),
                PaymentId = table.Column<Guid>(nullable: true),
                RefundedAmount = table.Column<long>(nullable: false),
                PaymentChangedAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_SecureMessages", x => x.Id));
        migrationBuilder.CreateIndex("IX_SecureMessages_TokenHash", "SecureMessages", "TokenHash", unique: true);
        migrationBuilder.CreateIndex("IX_SecureMessages_CreatedAt", "SecureMessages", "CreatedAt");
        migrationBuilder.CreateIndex("IX_SecureMessages_RecipientEmail", "SecureMessages", "RecipientEmail");
        migrationBuilder.CreateIndex("IX_SecureMessages_InvoiceNumber", "SecureMessages", "InvoiceNumber");
        migrationBuilder.CreateIndex("IX_SecureMessages_OutboxMessageId", "SecureMessages", "OutboxMessageId");

        migrationBuilder.CreateTable(
            name: "SecureMessageAttachments",
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
                table.PrimaryKey("PK_SecureMessageAttachments", x => x.Id);
                table.ForeignKey("FK_SecureMessageAttachments_SecureMessages_MessageId", x => x.MessageId, "SecureMessages", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_SecureMessageAttachments_MessageId", "SecureMessageAttachments", "MessageId");

        migrationBuilder.CreateTable(
            name: "SecureMessageAttempts",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                MessageId = table.Column<Guid>(nullable: false),
                At = table.Column<DateTime>(nullable: false),
                Ip = table.Column<string>(maxLength: 64, nullable: true),
                Succeeded = table.Column<bool>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_SecureMessageAttempts", x => x.Id);
                table.ForeignKey("FK_SecureMessageAttempts_SecureMessages_MessageId", x => x.MessageId, "SecureMessages", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_SecureMessageAttempts_MessageId_At", "SecureMessageAttempts", ["MessageId", "At"]);

        migrationBuilder.CreateTable(
            name: "SecureMessageReplies",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                MessageId = table.Column<Guid>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                Ip = table.Column<string>(maxLength: 64, nullable: true),
                SealedBody = table.Column<string>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_SecureMessageReplies", x => x.Id);
                table.ForeignKey("FK_SecureMessageReplies_SecureMessages_MessageId", x => x.MessageId, "SecureMessages", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_SecureMessageReplies_MessageId_CreatedAt", "SecureMessageReplies", ["MessageId", "CreatedAt"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("SecureMessageReplies");
        migrationBuilder.DropTable("SecureMessageAttempts");
        migrationBuilder.DropTable("SecureMessageAttachments");
        migrationBuilder.DropTable("SecureMessages");
    }
}
