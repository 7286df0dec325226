namespace PortalSync.SampleData;

/// <summary>How much sample data to make; the same seed gives the same file and PDFs.</summary>
internal sealed record SampleDataOptions(int Contacts, int? Invoices = null, int? Payments = null, int? Projects = null, int? Documents = null, int Seed = 1, IReadOnlyList<string>? StaffEmails = null, int DocumentKilobytes = 0)
{
    public int InvoiceCount => Invoices ?? Contacts;

    public int PaymentCount => Math.Min(Payments ?? Contacts, InvoiceCount);

    public int ProjectCount => Projects ?? Math.Max(1, Contacts / 2);

    public int DocumentCount => Documents ?? Math.Max(1, Contacts / 10);
}
