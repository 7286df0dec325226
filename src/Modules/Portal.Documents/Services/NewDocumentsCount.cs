using System.Security.Claims;
using Portal.Core.Navigation;

namespace Portal.Documents.Services;

/// <summary>The client's Documents entry: files the practice sent that no one of the client has downloaded yet.</summary>
internal sealed class NewDocumentsCount(NewDocumentsForClient newDocuments) : INavigationCount
{
    public string Path => ClientNav.DocumentsPath;

    public string Meaning => "new documents";

    public Task<int> CountAsync(ClaimsPrincipal user, CancellationToken cancellationToken) => newDocuments.CountAsync(user, cancellationToken);
}
