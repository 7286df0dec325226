using Portal.Core.Tenancy;

namespace Portal.Sync.Api;

/// <summary>
/// The kinds of batches the API takes, each only while the feature it feeds is on (contacts always): the
/// endpoints of a switched-off feature are not there (404), and whoami lists what is, so portal-sync
/// skips the rest, says so, and goes on.
/// </summary>
public static class SyncKinds
{
    public const string Contacts = "contacts";
    public const string Invoices = "invoices";
    public const string Payments = "payments";
    public const string Projects = "projects";
    public const string Documents = "documents";

    public static IReadOnlyList<string> Of(TenantDescriptor practice)
    {
        var kinds = new List<string> { Contacts };
        if (practice.IsFeatureEnabled(Billing.Manifest.Feature))
        {
            kinds.AddRange([Invoices, Payments]);
        }

        if (practice.IsFeatureEnabled(Portal.Projects.Manifest.Feature))
        {
            kinds.Add(Projects);
        }

        if (practice.IsFeatureEnabled(Portal.Documents.Manifest.Feature))
        {
            kinds.Add(Documents);
        }

        return kinds;
    }
}
