using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using PortalSync.Data;
using PortalSync.Storage;

namespace PortalSync.Planning;

/// <summary>
/// Compares the practice's data with what the portal acknowledged (content hashes in the state) and
/// plans only the difference: new or changed items, and tombstones for items no longer in the data.
/// Rows with something wrong are reported and left out; a row left out is never tombstoned.
/// </summary>
internal static class SyncPlanner
{
    public static async Task<SyncPlan> PlanAsync(IPracticeDataSource source, SyncState state, CancellationToken cancellationToken)
    {
        var errors = new List<RowError>();
        var items = new Dictionary<string, IReadOnlyList<PlannedItem>>(StringComparer.Ordinal);
        var staff = (await source.ReadStaffAsync(cancellationToken))
            .Where(s => s.ExternalId.Length > 0)
            .GroupBy(s => s.ExternalId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var assignments = (await source.ReadAssignmentsAsync(cancellationToken)).ToLookup(a => a.ProjectExternalId, StringComparer.Ordinal);

        items[SyncKinds.Contacts] = Plan(SyncKinds.Contacts, await source.ReadContactsAsync(cancellationToken), c => c.ExternalId, ItemBuilder.FromContact, state, errors);
        items[SyncKinds.Invoices] = Plan(SyncKinds.Invoices, await source.ReadInvoicesAsync(cancellationToken), i => i.ExternalId, ItemBuilder.FromInvoice, state, errors);
        items[SyncKinds.Payments] = Plan(SyncKinds.Payments, await source.ReadPaymentsAsync(cancellationToken), p => p.ExternalId, ItemBuilder.FromPayment, state, errors);
        items[SyncKinds.Projects] = Plan(SyncKinds.Projects, await source.ReadProjectsAsync(cancellationToken), p => p.ExternalId,
            (p, rules) => ItemBuilder.FromProject(p, assignments[p.ExternalId], staff, rules), state, errors);
        items[SyncKinds.Documents] = await PlanDocumentsAsync(await source.ReadDocumentsAsync(cancellationToken), state, errors, cancellationToken);
        return new SyncPlan(items, errors);
    }

    public static string Hash(JsonObject body) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body.ToJsonString())));

    private static List<PlannedItem> Plan<T>(string kind, IReadOnlyList<T> rows, Func<T, string> externalId, Func<T, ItemBuilder, JsonObject> build, SyncState state, List<RowError> errors)
    {
        var planned = new List<PlannedItem>();
        var hashes = state.HashesOf(kind);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var row = 0; row < rows.Count; row++)
        {
            var id = externalId(rows[row]);
            if (!CheckExternalId(kind, id, row, seen, errors))
            {
                continue;
            }

            var rules = new ItemBuilder(kind, id);
            var body = build(rows[row], rules);
            if (rules.Errors.Count > 0)
            {
                errors.AddRange(rules.Errors);
                continue;
            }

            var hash = Hash(body);
            if (!hashes.TryGetValue(id, out var known) || known != hash)
            {
                planned.Add(new PlannedItem(id, body, hash));
            }
        }

        planned.AddRange(Tombstones(hashes, seen));
        return planned;
    }

    private static async Task<List<PlannedItem>> PlanDocumentsAsync(IReadOnlyList<PracticeDocument> documents, SyncState state, List<RowError> errors, CancellationToken cancellationToken)
    {
        var planned = new List<PlannedItem>();
        var hashes = state.HashesOf(SyncKinds.Documents);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var files = new FileHasher(state);
        for (var row = 0; row < documents.Count; row++)
        {
            var document = documents[row];
            if (!CheckExternalId(SyncKinds.Documents, document.ExternalId, row, seen, errors))
            {
                continue;
            }

            var rules = new ItemBuilder(SyncKinds.Documents, document.ExternalId);
            rules.Reference("clientExternalId", document.ContactExternalId, "client-required", "contact");
            if (document.FullPath is null || !File.Exists(document.FullPath))
            {
                rules.Fail("path", "file-missing", document.FullPath is null ? "The document has no file path." : $"The file {document.FullPath} does not exist.");
            }

            if (rules.Errors.Count > 0)
            {
                errors.AddRange(rules.Errors);
                continue;
            }

            var (sha, length) = await files.HashAsync(document.FullPath!, cancellationToken);
            if (length == 0)
            {
                errors.Add(new RowError(SyncKinds.Documents, document.ExternalId, "path", "upload-empty", $"The file {document.FullPath} is empty."));
                continue;
            }

            var body = ItemBuilder.Body(document.ExternalId, ("clientExternalId", document.ContactExternalId), ("folder", document.Folder),
                ("fileName", document.FileName ?? Path.GetFileName(document.FullPath)), ("length", length), ("sha256", sha));
            var hash = Hash(body);
            if (!hashes.TryGetValue(document.ExternalId, out var known) || known != hash)
            {
                planned.Add(new PlannedItem(document.ExternalId, body, hash, document, sha, length));
            }
        }

        planned.AddRange(Tombstones(hashes, seen));
        return planned;
    }

    private static bool CheckExternalId(string kind, string id, int row, HashSet<string> seen, List<RowError> errors)
    {
        if (id.Length == 0)
        {
            errors.Add(new RowError(kind, $"(row {row + 1})", "externalId", "external-id-required", "The row has no external id."));
            return false;
        }

        if (id.Length > ItemRules.ExternalIdMaxLength)
        {
            errors.Add(new RowError(kind, id[..20] + "…", "externalId", "external-id-too-long", $"The external id is longer than {ItemRules.ExternalIdMaxLength} characters."));
            return false;
        }

        if (!seen.Add(id))
        {
            errors.Add(new RowError(kind, id, "externalId", "duplicate-external-id", $"Row {row + 1} repeats the external id {id}; the first row with it is synced."));
            return false;
        }

        return true;
    }

    private static List<PlannedItem> Tombstones(Dictionary<string, string> hashes, HashSet<string> present)
        => hashes.Keys.Where(id => !present.Contains(id)).Order(StringComparer.Ordinal)
            .Select(id => new PlannedItem(id, new JsonObject { ["externalId"] = id, ["deleted"] = true }, ""))
            .ToList();
}
