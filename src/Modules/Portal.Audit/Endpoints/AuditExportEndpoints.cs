using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Portal.Audit.Models;
using Portal.Audit.Services;
using Portal.Core.Errors;
using Portal.Core.Security;
using Portal.Core.Tenancy;

namespace Portal.Audit.Endpoints;

/// <summary>The filtered trail as a CSV download, written while it is read: no size limit, bounded memory.</summary>
internal static class AuditExportEndpoints
{
    public const string GroupRoute = "/admin/audit";
    public const string ExportName = "ExportAuditTrail";

    public static IEndpointRouteBuilder MapAuditExportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var audit = endpoints.MapGroup(GroupRoute).AsApiArea("Admin: audit trail");
        audit.MapGet("/export", Export)
            .WithName(ExportName)
            .WithSummary("The audit trail, filtered as on its page (action, actor, practice-local days), as CSV.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .RequirePermission(Permissions.ViewAudit.Name);
        return endpoints;
    }

    public static PushStreamHttpResult Export(string? action, string? actor, DateOnly? from, DateOnly? to, HttpContext context, AuditTrail trail, AuditSentences sentences, TimeProvider clock)
    {
        var filter = new AuditFilter(action, actor, from, to);
        var fileName = $"audit-{context.GetTenant()!.Name}-{clock.GetUtcNow().ToString("yyyyMMdd", CultureInfo.InvariantCulture)}.csv";
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Stream(
            body => AuditCsv.WriteAsync(body, trail.StreamAsync(filter, context.RequestAborted), sentences.DescribeAsync, context.RequestAborted),
            "text/csv; charset=utf-8",
            fileName);
    }
}
