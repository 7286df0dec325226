namespace PortalSync.Data;

/// <summary>The mapping from tables of text to records, shared by the SQLite and CSV adapters so both read alike.</summary>
internal abstract class TabularPracticeData(string baseFolder) : IPracticeDataSource
{
    public abstract string Description { get; }

    public abstract IWriteBackSink WriteBack { get; }

    /// <summary>The rows of a table of <see cref="PracticeSchema"/>, in their stored order; none when the table is absent.</summary>
    protected abstract Task<IReadOnlyList<PracticeRow>> ReadTableAsync(string table, CancellationToken cancellationToken);

    public async Task<IReadOnlyList<Contact>> ReadContactsAsync(CancellationToken cancellationToken)
    {
        var users = (await ReadTableAsync("portal_users", cancellationToken))
            .Select(r => new PortalUser(r.Required("external_id"), r.Required("contact_external_id"), r["name"], r["email"]))
            .ToLookup(u => u.ContactExternalId, StringComparer.Ordinal);
        return (await ReadTableAsync("contacts", cancellationToken))
            .Select(r => new Contact(r.Required("external_id"), r["kind"], r["name"], r["email"], r["phone"], r["address"], r["province"], [.. users[r.Required("external_id")]]))
            .ToList();
    }

    public async Task<IReadOnlyList<StaffMember>> ReadStaffAsync(CancellationToken cancellationToken)
        => (await ReadTableAsync("staff", cancellationToken)).Select(r => new StaffMember(r.Required("external_id"), r["name"], r["email"])).ToList();

    public async Task<IReadOnlyList<Invoice>> ReadInvoicesAsync(CancellationToken cancellationToken)
    {
        var lines = (await ReadTableAsync("invoice_lines", cancellationToken))
            .OrderBy(r => int.TryParse(r["line_no"], out var n) ? n : int.MaxValue)
            .ToLookup(r => r.Required("invoice_external_id"), r => new InvoiceLine(r["description"], r["amount"]), StringComparer.Ordinal);
        var taxes = (await ReadTableAsync("invoice_taxes", cancellationToken))
            .ToLookup(r => r.Required("invoice_external_id"), r => new InvoiceTax(r["kind"], r["amount"]), StringComparer.Ordinal);
        return (await ReadTableAsync("invoices", cancellationToken))
            .Select(r => new Invoice(r.Required("external_id"), r["contact_external_id"], r["number"], r["issue_date"], r["due_date"], r["currency"], [.. lines[r.Required("external_id")]], [.. taxes[r.Required("external_id")]]))
            .ToList();
    }

    public async Task<IReadOnlyList<Payment>> ReadPaymentsAsync(CancellationToken cancellationToken)
        => (await ReadTableAsync("payments", cancellationToken))
            .Select(r => new Payment(r.Required("external_id"), r["contact_external_id"], r["invoice_external_id"], r["received_on"], r["amount"], r["method"], r["reference"]))
            .ToList();

    public async Task<IReadOnlyList<Project>> ReadProjectsAsync(CancellationToken cancellationToken)
        => (await ReadTableAsync("projects", cancellationToken))
            .Select(r => new Project(r.Required("external_id"), r["contact_external_id"], r["name"], r["status"], r["expected_on"], r["note"]))
            .ToList();

    public async Task<IReadOnlyList<Assignment>> ReadAssignmentsAsync(CancellationToken cancellationToken)
        => (await ReadTableAsync("assignments", cancellationToken))
            .Select(r => new Assignment(r.Required("project_external_id"), r["staff_external_id"], r["note"]))
            .ToList();

    public async Task<IReadOnlyList<PracticeDocument>> ReadDocumentsAsync(CancellationToken cancellationToken)
        => (await ReadTableAsync("documents", cancellationToken))
            .Select(r => new PracticeDocument(r.Required("external_id"), r["contact_external_id"], r["folder"], r["file_name"] ?? (r["path"] is { } p ? Path.GetFileName(p) : null),
                r["path"] is { } path ? Path.GetFullPath(path, baseFolder) : null))
            .ToList();

    public abstract ValueTask DisposeAsync();
}
