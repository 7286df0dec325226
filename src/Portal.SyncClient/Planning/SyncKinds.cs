namespace PortalSync.Planning;

/// <summary>
/// The kinds the sync API takes, in the order they must go (a payment needs its invoice, which needs its
/// contact). Documents need only their client, so they go right after contacts: their uploads can then
/// go on while the invoices, payments and projects are sent (<see cref="Running.SyncRunner"/>).
/// </summary>
internal static class SyncKinds
{
    public const string Contacts = "contacts";
    public const string Invoices = "invoices";
    public const string Payments = "payments";
    public const string Projects = "projects";
    public const string Documents = "documents";

    public static readonly IReadOnlyList<string> InOrder = [Contacts, Documents, Invoices, Payments, Projects];
}
