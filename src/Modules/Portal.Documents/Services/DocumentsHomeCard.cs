using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Navigation;

namespace Portal.Documents.Services;

/// <summary>
/// The client home's "Documents" card (position 30, "what is new for you"): how many files the practice
/// sent that no one of the client has downloaded yet, and the newest of them, each leading to its folder.
/// "Nothing new" otherwise. A count and one page of lines: two indexed queries, none per line.
/// </summary>
internal sealed class DocumentsHomeCard(NewDocumentsForClient newDocuments, LinkGenerator links) : IClientDashboardCardProvider
{
    public const int Position = 30;
    public const int MaxLines = 5;

    public async Task<IReadOnlyList<ClientDashboardCard>> GetCardsAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (await newDocuments.QueryAsync(user, cancellationToken) is not { } query)
        {
            return [];
        }

        var count = await newDocuments.CountAsync(user, cancellationToken);
        var newest = count == 0
            ? []
            : await query.OrderByDescending(d => d.UploadedAt).ThenByDescending(d => d.DocumentId).Take(MaxLines).ToListAsync(cancellationToken);
        var summary = count switch
        {
            0 => "Nothing new. You have downloaded everything we sent you.",
            1 => "1 document is new: you have not downloaded it yet.",
            _ => string.Create(CultureInfo.InvariantCulture, $"{count} documents are new: you have not downloaded them yet."),
        };
        return
        [
            new ClientDashboardCard("Documents", summary, ClientNav.DocumentsPath, Position)
            {
                Lines = newest.Select(d => new ClientDashboardLine(d.Name, PathOf(d), $"Sent by {d.UploadedByName}")).ToList(),
            },
        ];
    }

    /// <summary>The list the document is in: its folder, or the client's documents when it is in none.</summary>
    private string PathOf(NewToClientRow document)
        => links.GetPathByPage("/Documents/Client", values: new { clientId = document.ClientId, folder = document.FolderId })
            ?? ClientNav.DocumentsPath;
}
