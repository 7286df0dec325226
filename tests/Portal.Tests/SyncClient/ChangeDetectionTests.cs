using PortalSync.Data;
using PortalSync.Planning;
using PortalSync.Storage;

namespace Portal.Tests.SyncProgram;

/// <summary>What a run sends: everything the first time, nothing when nothing changed, exactly the changed rows, tombstones, and bad rows reported.</summary>
public sealed class ChangeDetectionTests
{
    [Fact]
    public async Task A_second_plan_without_change_is_empty_and_one_percent_changed_sends_exactly_those()
    {
        using var sandbox = new SyncClientSandbox();
        var sqlite = await PracticeDataFiles.GenerateAsync(sandbox.Folder, contacts: 200, documents: 10);
        var state = new SyncState { Portal = new Uri("https://practice.example/") };

        var first = await PlanAsync(sqlite, state);
        Assert.Empty(first.Errors);
        Assert.Equal(200, first.Of(SyncKinds.Contacts).Count);
        Assert.Equal(200, first.Of(SyncKinds.Invoices).Count);
        Assert.Equal(200, first.Of(SyncKinds.Payments).Count);
        Assert.Equal(100, first.Of(SyncKinds.Projects).Count);
        Assert.Equal(10, first.Of(SyncKinds.Documents).Count);
        Acknowledge(first, state);

        Assert.Equal(0, (await PlanAsync(sqlite, state)).Count);

        // 1%: two invoices' amounts, two contacts' phones; one document's content; one payment gone.
        await PracticeDataFiles.ExecuteAsync(sqlite, "UPDATE invoice_lines SET amount = '999.99' WHERE invoice_external_id IN ('I-00017', 'I-00150')");
        await PracticeDataFiles.ExecuteAsync(sqlite, "UPDATE contacts SET phone = '+1 416 555 0199' WHERE external_id IN ('C-00003', 'C-00200')");
        await PracticeDataFiles.ExecuteAsync(sqlite, "DELETE FROM payments WHERE external_id = 'P-00042'");
        await using (var data = await SqlitePracticeData.OpenAsync(sqlite, CancellationToken.None))
        {
            var document = (await data.ReadDocumentsAsync(CancellationToken.None)).Single(d => d.ExternalId == "D-00004");
            await File.AppendAllTextAsync(document.FullPath!, "% changed\n");
        }

        var changed = await PlanAsync(sqlite, state);
        Assert.Empty(changed.Errors);
        Assert.Equal(["C-00003", "C-00200"], changed.Of(SyncKinds.Contacts).Select(i => i.ExternalId));
        Assert.Equal(["I-00017", "I-00150"], changed.Of(SyncKinds.Invoices).Select(i => i.ExternalId));
        var tombstone = Assert.Single(changed.Of(SyncKinds.Payments));
        Assert.Equal("P-00042", tombstone.ExternalId);
        Assert.True(tombstone.IsTombstone);
        Assert.Equal("""{"externalId":"P-00042","deleted":true}""", tombstone.Body.ToJsonString());
        Assert.Empty(changed.Of(SyncKinds.Projects));
        var document4 = Assert.Single(changed.Of(SyncKinds.Documents));
        Assert.Equal("D-00004", document4.ExternalId);
        Assert.Equal(6, changed.Count);
    }

    [Fact]
    public async Task Bad_rows_are_reported_each_with_its_field_and_the_rest_is_planned()
    {
        using var sandbox = new SyncClientSandbox();
        var sqlite = await PracticeDataFiles.GenerateAsync(sandbox.Folder, contacts: 20, documents: 5);
        await PracticeDataFiles.ExecuteAsync(sqlite, """
            INSERT INTO contacts (external_id, kind, name, email) VALUES ('C-00005', 'person', 'A second C-00005', 'second@example.com');
            INSERT INTO contacts (external_id, kind, name, email) VALUES ('C-00099', 'person', 'No Mail', 'nomail@example.com');
            INSERT INTO portal_users (external_id, contact_external_id, name, email) VALUES ('C-00099-U1', 'C-00099', 'No Mail', NULL);
            UPDATE invoice_lines SET amount = '12,50' WHERE invoice_external_id = 'I-00003' AND line_no = '1';
            UPDATE payments SET amount = '-4.00' WHERE external_id = 'P-00004';
            UPDATE payments SET received_on = '31/12/2026' WHERE external_id = 'P-00006';
            UPDATE documents SET path = 'nowhere/missing.pdf' WHERE external_id = 'D-00002';
            INSERT INTO invoices (external_id, contact_external_id, number, issue_date, currency) VALUES ('', 'C-00001', 'INV-X', '2026-01-01', 'CAD');
            """);

        var plan = await PlanAsync(sqlite, new SyncState { Portal = new Uri("https://practice.example/") });

        Assert.Contains(plan.Errors, e => e is { Kind: "contacts", ExternalId: "C-00005", Code: "duplicate-external-id" });
        Assert.Contains(plan.Errors, e => e is { Kind: "contacts", ExternalId: "C-00099", Field: "portalUsers[0].email", Code: "email-required" });
        Assert.Contains(plan.Errors, e => e is { Kind: "invoices", ExternalId: "I-00003", Field: "lines[0].amount", Code: "amount-invalid" });
        Assert.Contains(plan.Errors, e => e is { Kind: "payments", ExternalId: "P-00004", Field: "amount", Code: "amount-invalid" });
        Assert.Contains(plan.Errors, e => e is { Kind: "payments", ExternalId: "P-00006", Field: "receivedOn", Code: "date-invalid" });
        Assert.Contains(plan.Errors, e => e is { Kind: "documents", ExternalId: "D-00002", Field: "path", Code: "file-missing" });
        Assert.Contains(plan.Errors, e => e is { Kind: "invoices", ExternalId: "(row 21)", Code: "external-id-required" });
        Assert.Equal(7, plan.Errors.Count);

        // The first C-00005 still goes; only the bad rows stay behind.
        Assert.Equal(20, plan.Of(SyncKinds.Contacts).Count);
        Assert.Equal("C-00005", plan.Of(SyncKinds.Contacts).Single(c => c.ExternalId == "C-00005").ExternalId);
        Assert.DoesNotContain(plan.Of(SyncKinds.Contacts), c => c.ExternalId == "C-00099");
        Assert.Equal(19, plan.Of(SyncKinds.Invoices).Count);
        Assert.Equal(18, plan.Of(SyncKinds.Payments).Count);
        Assert.Equal(4, plan.Of(SyncKinds.Documents).Count);
        Assert.Equal("1130.00", PortalSync.Planning.ItemRules.Amount("1130"));
    }

    [Fact]
    public async Task A_row_that_went_bad_is_not_deleted_from_the_portal()
    {
        using var sandbox = new SyncClientSandbox();
        var sqlite = await PracticeDataFiles.GenerateAsync(sandbox.Folder, contacts: 10);
        var state = new SyncState { Portal = new Uri("https://practice.example/") };
        Acknowledge(await PlanAsync(sqlite, state), state);

        await PracticeDataFiles.ExecuteAsync(sqlite, "UPDATE payments SET amount = 'ten dollars' WHERE external_id = 'P-00001'");
        var plan = await PlanAsync(sqlite, state);

        Assert.Single(plan.Errors);
        Assert.Equal(0, plan.Count);
    }

    internal static void Acknowledge(SyncPlan plan, SyncState state)
    {
        foreach (var kind in SyncKinds.InOrder)
        {
            foreach (var item in plan.Of(kind))
            {
                if (item.IsTombstone)
                {
                    state.HashesOf(kind).Remove(item.ExternalId);
                }
                else
                {
                    state.HashesOf(kind)[item.ExternalId] = item.Hash;
                }
            }
        }
    }

    private static async Task<SyncPlan> PlanAsync(string sqlite, SyncState state)
    {
        await using var data = await SqlitePracticeData.OpenAsync(sqlite, CancellationToken.None);
        return await SyncPlanner.PlanAsync(data, state, CancellationToken.None);
    }
}
