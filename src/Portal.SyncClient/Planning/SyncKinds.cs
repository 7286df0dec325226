namespace PortalSync.Planning;

/// <summary>The kinds the sync API takes, in the order they must go (a payment needs its invoice, which needs its contact).</summary>
internal static class SyncKinds
{
    public const string Contacts = "contacts";
    public const string Invoices = "invoices";
    public const string Payments = "payments";
    public const string Projects = "projects";
    public const string Documents = "documents";

    public static readonly IReadOnlyList<string> InOrder = [Contacts, Invoices, Payments, Projects, Documents];
}
