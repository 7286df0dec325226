using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Errors;
using Portal.Sync.Services;

namespace Portal.Sync.Endpoints;

/// <summary>
/// On the whole /api/v1 group, so every call (batches, change feed, file exchange, tus uploads) is judged
/// once and the same way: the rest of the request runs as the staff member who approved the program, or,
/// once they are no longer active staff or lost <see cref="Permissions.SyncName"/>, the call is refused
/// with 403 <c>sync-approver-gone</c> and the connection ends, as it would at the program's next refresh.
/// </summary>
internal sealed class ActAsApproverFilter : IEndpointFilter
{
    public const string AtCall = "a call";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        var approvers = context.RequestServices.GetRequiredService<SyncApprover>();
        var token = context.User;
        var (approver, refusal) = await approvers.CheckAsync(token);
        if (refusal is not null)
        {
            await approvers.EndConnectionAsync(token, AtCall, refusal, context.RequestAborted);
            return refusal.ToProblem();
        }

        context.Features.Set(new SyncToken(token));
        context.User = approver!;
        return await next(invocation);
    }
}
