namespace PortalSync.Data;

/// <summary>
/// The tables (SQLite) or files (CSV, one per table with these headers) of the practice's data. Every
/// value is text; external ids are the practice program's own ids. docs/sync.md describes each column.
/// </summary>
internal static class PracticeSchema
{
    public static readonly IReadOnlyDictionary<string, string[]> Tables = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["contacts"] = ["external_id", "kind", "name", "email", "phone", "address", "province"],
        ["portal_users"] = ["external_id", "contact_external_id", "name", "email"],
        ["staff"] = ["external_id", "name", "email"],
        ["invoices"] = ["external_id", "contact_external_id", "number", "issue_date", "due_date", "currency"],
        ["invoice_lines"] = ["invoice_external_id", "line_no", "description", "amount"],
        ["invoice_taxes"] = ["invoice_external_id", "kind", "amount"],
        ["payments"] = ["external_id", "contact_external_id", "invoice_external_id", "received_on", "amount", "method", "reference"],
        ["projects"] = ["external_id", "contact_external_id", "name", "status", "expected_on", "note"],
        ["assignments"] = ["project_external_id", "staff_external_id", "note"],
        ["documents"] = ["external_id", "contact_external_id", "folder", "file_name", "path"],
    };

    /// <summary>What portal-sync writes back (the event id is the primary key, so nothing is written twice).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> WriteBackTables = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["portal_payments"] = ["event_id", "contact_external_id", "payment_id", "invoice_external_id", "invoice_number", "amount", "currency", "received_on", "method", "occurred_at"],
        ["portal_messages"] = ["event_id", "contact_external_id", "thread_id", "subject", "sender", "text", "occurred_at"],
        ["portal_tasks"] = ["event_id", "contact_external_id", "task_id", "title", "completed_at", "occurred_at"],
    };
}
