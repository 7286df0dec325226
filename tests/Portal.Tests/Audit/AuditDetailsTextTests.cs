using Portal.Audit.Services;

namespace Portal.Tests.Audit;

/// <summary>Details as the trail page shows them: names for ids and permission keys, the record itself untouched.</summary>
public sealed class AuditDetailsTextTests
{
    private const string Jordan = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b";
    private const string Trust = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c";
    private const string Purged = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5d";

    private static readonly AuditNameIndex Names = new(
        new Dictionary<string, Dictionary<string, string>>(),
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { [Jordan] = "Jordan Lee", [Trust] = "Lee Family Trust" },
        new HashSet<string>());

    private readonly AuditDetailsText _text = new([new Portal.Audit.Permissions(), new Portal.Documents.Permissions()]);

    [Theory]
    [InlineData("with user " + Jordan, "with user Jordan Lee")]
    [InlineData("with user " + Jordan + " ", "with user Jordan Lee")]
    [InlineData("client " + Trust + " Lee Family Trust", "client Lee Family Trust")]
    [InlineData("T4 slip 2025.pdf (" + Purged + "), Return.pdf (" + Trust + ")", "T4 slip 2025.pdf, Return.pdf")]
    [InlineData("upload to folder " + Purged, "upload to folder (no longer exists)")]
    [InlineData("UPLOAD TO FOLDER 0190A1B2-C3D4-7E5F-8A9B-0C1D2E3F4A5B", "UPLOAD TO FOLDER Jordan Lee")]
    [InlineData("GET /admin/audit: requires permission Audit.View", "GET /admin/audit: requires permission “See, verify and export the audit trail”")]
    [InlineData("Staff: +[Documents.View, Documents.Send] -[]", "Staff: +[“See and download clients' documents”, “Send documents to clients”] -[]")]
    [InlineData("Audit.Viewer and audit.view@example.com stay", "Audit.Viewer and audit.view@example.com stay")]
    [InlineData("nothing to name", "nothing to name")]
    public void Ids_and_permission_keys_read_as_names(string recorded, string shown)
        => Assert.Equal(shown, _text.Readable(recorded, Names));
}
