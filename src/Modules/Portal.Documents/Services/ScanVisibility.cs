using System.Linq.Expressions;
using Portal.Core.Errors;
using Portal.Documents.Models;

namespace Portal.Documents.Services;

/// <summary>
/// Who sees a version while it is scanned: the side that uploaded it sees it in every state (with a
/// badge); the other side only once it is released (clean, or passed unscanned). Staff also see a
/// client's quarantined file, to be told what was found. Only released versions are downloaded.
/// </summary>
public static class ScanVisibility
{
    public static readonly Expression<Func<DocumentVersion, bool>> Released
        = v => v.ScanState == ScanState.Clean || v.ScanState == ScanState.NotScanned;

    public static readonly Expression<Func<DocumentVersion, bool>> VisibleToStaff
        = v => v.Direction == TransferDirection.ToClient || v.ScanState != ScanState.Pending;

    public static readonly Expression<Func<DocumentVersion, bool>> VisibleToClients
        = v => v.Direction == TransferDirection.FromClient || v.ScanState == ScanState.Clean || v.ScanState == ScanState.NotScanned;

    public static bool IsReleased(this DocumentVersion version) => version.ScanState is ScanState.Clean or ScanState.NotScanned;

    public static bool IsVisibleTo(this DocumentVersion version, bool staff)
        => staff
            ? version.Direction == TransferDirection.ToClient || version.ScanState != ScanState.Pending
            : version.Direction == TransferDirection.FromClient || version.IsReleased();

    /// <summary>The version of a document this side sees, if any.</summary>
    public static Guid? VersionFor(this Document document, bool staff) => staff ? document.StaffVersionId : document.ClientVersionId;

    /// <summary>Why a version the user can see cannot be downloaded (null: it can).</summary>
    public static PortalError? DownloadRefusal(this DocumentVersion version) => version.ScanState switch
    {
        ScanState.Pending => DownloadErrors.ScanPending,
        ScanState.Quarantined => DownloadErrors.Quarantined(version.ScanSignature),
        _ => null,
    };
}
