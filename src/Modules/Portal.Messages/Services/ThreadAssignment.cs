using Microsoft.EntityFrameworkCore;
using Portal.Core.Contracts;
using Portal.Core.Errors;
using Portal.Messages.Data;
using Portal.Messages.Models;

namespace Portal.Messages.Services;

/// <summary>Gives a thread to a staff member (or to nobody); a person assignment replaces a role routing.</summary>
public sealed class ThreadAssignment(MessagesDbContext db, IUserDirectory users, IAuditLog audit)
{
    public async Task<PortalError?> AssignAsync(Guid threadId, Guid? staffId, CancellationToken cancellationToken = default)
    {
        var thread = await db.Threads.FirstOrDefaultAsync(t => t.Id == threadId, cancellationToken);
        if (thread is null)
        {
            return MessageErrors.ThreadNotFound;
        }

        string name = "nobody";
        if (staffId is { } id)
        {
            if ((await users.ListStaffAsync(cancellationToken)).FirstOrDefault(s => s.Id == id && !s.IsDisabled) is not { } staff)
            {
                return MessageErrors.UnknownAssignee;
            }

            name = staff.DisplayName;
        }

        thread.AssignedUserId = staffId;
        thread.AssignedRole = null;
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(new AuditEntry(MessageAuditActions.Assigned, MessageAuditTargets.Thread, threadId.ToString(), $"to {name}"), cancellationToken);
        return null;
    }
}
