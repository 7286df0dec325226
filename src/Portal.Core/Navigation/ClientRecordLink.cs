using System.Security.Claims;

namespace Portal.Core.Navigation;

/// <summary>
/// A way into another module's work for one client, listed on the client's admin page (e.g.
/// "Documents: 2 new files"). The Clients module shows the page; each module decides whether the
/// signed-in staff member may follow its link, so a link never leads to a refusal.
/// </summary>
public sealed record ClientRecordLink(string Label, string Summary, string Path, int Position = 100);

public interface IClientRecordLinkProvider
{
    Task<IReadOnlyList<ClientRecordLink>> GetLinksAsync(ClaimsPrincipal user, Guid clientId, CancellationToken cancellationToken);
}
