using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Portal.Core.Errors;
using Portal.Sync.Api;
using Portal.Sync.Services;

namespace Portal.Sync.Endpoints;

/// <summary>What every contacts and projects batch checks before its items: its size, and that its approver may still act.</summary>
internal static class SyncBatchChecks
{
    public static readonly PortalError BatchSize = new(
        "batch-size", ErrorKind.Invalid, $"Send 1 to {SyncBatch<ISyncItem>.MaxItems:N0} items in one batch.", "items");

    public static readonly PortalError ApproverGone = new(
        "sync-approver-gone", ErrorKind.Forbidden, "The person who approved this program can no longer sign in: run portal-sync login again.");

    /// <summary>
    /// Null when the batch may be applied; the request then runs as the staff member who approved the
    /// program, so the audit trail, "created by" and permissions are theirs.
    /// </summary>
    public static async Task<ProblemHttpResult?> CheckAsync<TItem>(SyncBatch<TItem>? batch, HttpContext context, SyncStaff staff)
        where TItem : ISyncItem
    {
        if (batch?.Items is not { Count: > 0 and <= SyncBatch<TItem>.MaxItems })
        {
            return BatchSize.ToProblem();
        }

        if (await staff.ApproverAsync(context.User) is not { } approver)
        {
            return ApproverGone.ToProblem();
        }

        context.User = approver;
        return null;
    }
}
