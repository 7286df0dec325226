namespace PortalSync.Data;

// The practice's data as its program keeps it: text as stored (amounts and dates are checked when an
// item is built, so one malformed row is reported and the others still go).

internal sealed record Contact(string ExternalId, string? Kind, string? Name, string? Email, string? Phone, string? Address, string? Province, IReadOnlyList<PortalUser> PortalUsers);

internal sealed record PortalUser(string ExternalId, string ContactExternalId, string? Name, string? Email);

internal sealed record StaffMember(string ExternalId, string? Name, string? Email);

internal sealed record Invoice(string ExternalId, string? ContactExternalId, string? Number, string? IssueDate, string? DueDate, string? Currency, IReadOnlyList<InvoiceLine> Lines, IReadOnlyList<InvoiceTax> Taxes);

internal sealed record InvoiceLine(string? Description, string? Amount);

internal sealed record InvoiceTax(string? Kind, string? Amount);

internal sealed record Payment(string ExternalId, string? ContactExternalId, string? InvoiceExternalId, string? ReceivedOn, string? Amount, string? Method, string? Reference);

internal sealed record Project(string ExternalId, string? ContactExternalId, string? Name, string? Status, string? ExpectedOn, string? Note);

internal sealed record Assignment(string ProjectExternalId, string? StaffExternalId, string? Note);

/// <param name="FullPath">The file on this computer (a relative path in the data is relative to the data file's folder).</param>
internal sealed record PracticeDocument(string ExternalId, string? ContactExternalId, string? Folder, string? FileName, string? FullPath);
