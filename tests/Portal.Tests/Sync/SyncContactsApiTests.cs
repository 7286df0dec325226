using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Audit.Data;
using Portal.Clients.Data;
using Portal.Clients.Models;
using Portal.Clients.Services;
using Portal.Core.Contracts;
using Portal.Core.Data;
using Portal.Notifications.Data;
using Portal.Notifications.Models;
using Portal.Sync.Data;
using Portal.Tests.Clients;
using Portal.Tests.Documents;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Sync;

/// <summary>POST /api/v1/contacts/batch against a real practice: idempotent upserts, invitations, per-row errors, e-mail changes, tombstones.</summary>
public sealed class SyncContactsApiTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Theory, BothDatabases]
    public async Task The_same_batch_twice_creates_once_queues_the_invitations_and_then_changes_nothing(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var (practice, _, api) = await SyncApiClient.StartAsync(app);
        var jordan = $"jordan-{Guid.NewGuid():N}@example.com";
        var harbour = $"owner-{Guid.NewGuid():N}@example.com";
        object[] items =
        [
            new { externalId = "C-1", kind = "person", name = "Jordan Lee", email = jordan, phone = "+1 416 555 0100", address = "12 King St W, Toronto", province = "on", portalUsers = new[] { new { externalId = "C-1-U1", email = jordan, name = "Jordan Lee" } } },
            new { externalId = "C-2", kind = "business", name = "Harbour Bakery Ltd", portalUsers = new[] { new { externalId = "C-2-U1", email = harbour, name = "Sam Harbour" } } },
        ];

        var first = await api.BatchAsync("contacts", items);
        Assert.Equal(["created", "created"], SyncApiClient.Statuses(first));
        Assert.Equal(2, first.GetProperty("created").GetInt32());

        var clients = await app.InClientsDbAsync(practice, db => db.Clients.AsNoTracking().Include(c => c.Emails).OrderBy(c => c.ExternalId).ToListAsync());
        Assert.Equal(["C-1", "C-2"], clients.Select(c => c.ExternalId));
        Assert.Equal((ClientKind.Individual, "ON", jordan), (clients[0].Kind, clients[0].Province, clients[0].Emails.Single().Email));
        Assert.Equal(ClientKind.Business, clients[1].Kind);
        Assert.Equal(clients[0].Id.ToString(), SyncApiClient.Result(first, 0).GetProperty("id").GetString());

        // Each client got a portal with its person in it, and the person's invitation waits in the reminders queue.
        var members = await app.InClientsDbAsync(practice, db => (from pc in db.PortalClients
                                                                  join m in db.PortalMembers on pc.PortalId equals m.PortalId
                                                                  select new { pc.ClientId, m.UserId, m.Access }).ToListAsync());
        var person = await app.InPracticeAsync(practice, sp => sp.GetRequiredService<IUserDirectory>().FindByEmailAsync(jordan));
        Assert.Contains(members, m => m.ClientId == clients[0].Id && m.UserId == person!.Id && m.Access == PortalAccess.Full);
        var reminders = await app.InPracticeAsync(practice, sp => sp.GetRequiredService<NotificationsDbContext>().Reminders.AsNoTracking().ToListAsync());
        var invitation = Assert.Single(reminders, r => r.Recipient == jordan);
        Assert.Equal((ReminderState.Ready, person!.Id), (invitation.State, invitation.UserId));
        Assert.Single(reminders, r => r.Recipient == harbour);

        var writes = await WritesAsync(app, practice);
        var second = await api.BatchAsync("contacts", items);
        Assert.Equal(["unchanged", "unchanged"], SyncApiClient.Statuses(second));
        Assert.Equal((0, 0, 2), (second.GetProperty("created").GetInt32(), second.GetProperty("updated").GetInt32(), second.GetProperty("unchanged").GetInt32()));
        Assert.Equal(writes, await WritesAsync(app, practice));

        // A real change is an update, of that contact only.
        var changed = await api.BatchAsync("contacts", items[0], new { externalId = "C-2", kind = "business", name = "Harbour Bakery Inc.", portalUsers = new[] { new { externalId = "C-2-U1", email = harbour, name = "Sam Harbour" } } });
        Assert.Equal(["unchanged", "updated"], SyncApiClient.Statuses(changed));
        Assert.Equal("Harbour Bakery Inc.", await app.InClientsDbAsync(practice, db => db.Clients.Where(c => c.ExternalId == "C-2").Select(c => c.Name).SingleAsync()));
    }

    [Theory, BothDatabases]
    public async Task New_contacts_are_made_together_with_all_that_one_by_one_gives_them_and_a_stored_portal_name_is_left_to_one_by_one(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var (practice, _, api) = await SyncApiClient.StartAsync(app);
        var tag = Guid.NewGuid().ToString("N")[..8];
        string Email(int n) => $"person{n}-{tag}@example.com";

        // A portal left with no client (as a tombstone leaves one): a contact of that name takes it back, one by one.
        Assert.True((await app.InPracticeAsync(practice, sp => sp.GetRequiredService<PortalStore>().CreateAsync("Taken Household"))).Succeeded);
        var auditBefore = (await app.AuditActionsAsync(practice)).Count;
        object[] items =
        [
            new { externalId = "C-1", name = "Lee Household", portalUsers = new[] { new { externalId = "U-1", email = Email(1), name = "Jordan Lee" }, new { externalId = "U-2", email = Email(2), name = "Sam Lee" } } },
            new { externalId = "C-2", name = "Lee Household", portalUsers = new[] { new { externalId = "U-3", email = Email(3), name = "Alex Lee" } } },
            new { externalId = "C-3", kind = "business", name = "Harbour Bakery Ltd", portalUsers = Array.Empty<object>() },
            new { externalId = "C-4", name = "Taken Household", portalUsers = new[] { new { externalId = "U-4", email = Email(4), name = "Pat Taken" } } },
            new { externalId = "C-5", name = "Kim Ng", portalUsers = new[] { new { externalId = "U-5", email = Email(5), name = "Kim Ng" } } },
        ];

        var first = await api.BatchAsync("contacts", items);
        Assert.Equal(["created", "created", "created", "created", "created"], SyncApiClient.Statuses(first));

        // Each client with people is in a portal of its own name (a second of the same name gets its
        // external id), its people have full access, and each has a link and an invitation waiting.
        var portals = await app.InClientsDbAsync(practice, db => (from pc in db.PortalClients
                                                                  join p in db.Portals on pc.PortalId equals p.Id
                                                                  join c in db.Clients on pc.ClientId equals c.Id
                                                                  select new { c.ExternalId, p.Name, PortalId = p.Id }).ToListAsync());
        Assert.Equal(
            [("C-1", "Lee Household"), ("C-2", "Lee Household (C-2)"), ("C-4", "Taken Household"), ("C-5", "Kim Ng")],
            portals.OrderBy(p => p.ExternalId).Select(p => (p.ExternalId!, p.Name)));
        var people = await app.InPracticeAsync(practice, sp => sp.GetRequiredService<IUserDirectory>().FindManyByEmailAsync(Enumerable.Range(1, 5).Select(Email)));
        Assert.All(people.Values, p => Assert.False(p.IsStaff));
        var clientOf = new[] { "C-1", "C-1", "C-2", "C-4", "C-5" };
        var members = await app.InClientsDbAsync(practice, db => db.PortalMembers.AsNoTracking().ToListAsync());
        for (var n = 1; n <= 5; n++)
        {
            var portal = portals.Single(p => p.ExternalId == clientOf[n - 1]).PortalId;
            Assert.Contains(members, m => m.PortalId == portal && m.UserId == people[Email(n)].Id && m.Access == PortalAccess.Full);
        }

        Assert.Equal(5, members.Count);
        var links = await app.InPracticeAsync(practice, sp => sp.GetRequiredService<SyncDbContext>().PortalUsers.AsNoTracking().ToDictionaryAsync(l => l.ExternalId, l => l.UserId));
        Assert.Equal(Enumerable.Range(1, 5).ToDictionary(n => $"U-{n}", n => people[Email(n)].Id), links);
        var reminders = await app.InPracticeAsync(practice, sp => sp.GetRequiredService<NotificationsDbContext>().Reminders.AsNoTracking().ToListAsync());
        Assert.Equal(
            Enumerable.Range(1, 5).Select(n => (Email(n), (Guid?)people[Email(n)].Id, ReminderState.Ready)).Order(),
            reminders.Select(r => (r.Recipient, r.UserId, r.State)).Order());

        // The audit trail shows how: the new contacts that nothing stored touched were made together, kind
        // by kind (one save each); the one whose portal name was taken came after them, one step at a time.
        string[] expected =
        [
            .. Enumerable.Repeat(ClientAuditActions.ClientCreated, 4),
            .. Enumerable.Repeat(AuditActions.UserCreated, 4),
            .. Enumerable.Range(0, 3).SelectMany(_ => new[] { ClientAuditActions.PortalCreated, ClientAuditActions.PortalClientAdded }),
            .. Enumerable.Repeat(AuditActions.PortalAccessGranted, 4),
            .. Enumerable.Repeat(AuditActions.InvitationSent, 4),
            ClientAuditActions.ClientCreated, AuditActions.UserCreated, ClientAuditActions.PortalClientAdded, AuditActions.PortalAccessGranted, AuditActions.InvitationSent,
        ];
        Assert.Equal(expected, (await app.AuditActionsAsync(practice)).Skip(auditBefore));

        var writes = await WritesAsync(app, practice);
        Assert.Equal(["unchanged", "unchanged", "unchanged", "unchanged", "unchanged"], SyncApiClient.Statuses(await api.BatchAsync("contacts", items)));
        Assert.Equal(writes, await WritesAsync(app, practice));
    }

    [Theory, BothDatabases]
    public async Task A_portal_name_an_earlier_item_gives_one_by_one_is_not_taken_by_a_contact_made_together(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var (practice, _, api) = await SyncApiClient.StartAsync(app);
        var tag = Guid.NewGuid().ToString("N")[..8];
        Assert.Equal("created", SyncApiClient.Statuses(await api.BatchAsync("contacts", new { externalId = "C-0", name = "Acme Holdings" }))[0]);

        // C-0 is stored without a portal and gets its first person (one by one); C-9, new and later in the
        // batch, has the same name: one by one gives C-0 the name and C-9 the name with its external id.
        var batch = await api.BatchAsync(
            "contacts",
            new { externalId = "C-0", name = "Acme Holdings", portalUsers = new[] { new { externalId = "U-0", email = $"u0-{tag}@example.com" } } },
            new { externalId = "C-9", name = "Acme Holdings", portalUsers = new[] { new { externalId = "U-9", email = $"u9-{tag}@example.com" } } },
            new { externalId = "C-8", name = "Birch Lane", portalUsers = new[] { new { externalId = "U-8", email = $"u8-{tag}@example.com" } } },
            new { externalId = "C-7", name = "Cedar Court", portalUsers = new[] { new { externalId = "U-7", email = $"u7-{tag}@example.com" } } });
        Assert.Equal(["updated", "created", "created", "created"], SyncApiClient.Statuses(batch));

        var portals = await app.InClientsDbAsync(practice, db => (from pc in db.PortalClients
                                                                  join p in db.Portals on pc.PortalId equals p.Id
                                                                  join c in db.Clients on pc.ClientId equals c.Id
                                                                  orderby c.ExternalId
                                                                  select new { c.ExternalId, p.Name }).ToListAsync());
        Assert.Equal(
            [("C-0", "Acme Holdings"), ("C-7", "Cedar Court"), ("C-8", "Birch Lane"), ("C-9", "Acme Holdings (C-9)")],
            portals.Select(p => (p.ExternalId!, p.Name)));
    }

    [Theory, BothDatabases]
    public async Task A_bad_row_fails_alone_with_its_field_and_code_and_the_rest_is_synced(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var (practice, admin, api) = await SyncApiClient.StartAsync(app, "Portal.Documents", "Portal.Projects");
        var good = $"good-{Guid.NewGuid():N}@example.com";

        var batch = await api.BatchAsync(
            "contacts",
            new { externalId = "C-1", name = "Jordan Lee", portalUsers = new[] { new { externalId = "U-1", email = good } } },
            new { externalId = "C-1", name = "Jordan Lee again" },
            new { externalId = "C-3", name = "No address", portalUsers = new[] { new { externalId = "U-3", email = "" } } },
            new { externalId = "C-4", name = "Bob", email = "bob@" },
            new { name = "No id" },
            new { externalId = "C-6", name = "Staff's address", portalUsers = new[] { new { externalId = "U-6", email = admin.Email } } },
            new { externalId = "C-7", name = "", kind = "robot" },
            new { externalId = "C-8", name = "Same person twice", portalUsers = new[] { new { externalId = "U-1", email = good } } },
            new { externalId = "C-9", name = "Fine too" });

        Assert.Equal(["created", "error", "error", "error", "error", "error", "error", "error", "created"], SyncApiClient.Statuses(batch));
        Assert.Equal((2, 7), (batch.GetProperty("created").GetInt32(), batch.GetProperty("failed").GetInt32()));
        Assert.Equal(("externalId", "duplicate-external-id"), SyncApiClient.Error(SyncApiClient.Result(batch, 1)));
        Assert.Equal(("portalUsers[0].email", "email-required"), SyncApiClient.Error(SyncApiClient.Result(batch, 2)));
        Assert.Equal(("email", "email-invalid"), SyncApiClient.Error(SyncApiClient.Result(batch, 3)));
        Assert.Contains("bob@", SyncApiClient.Result(batch, 3).GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(("externalId", "external-id-required"), SyncApiClient.Error(SyncApiClient.Result(batch, 4)));
        Assert.Equal(("portalUsers[0].email", "portal-user-is-staff"), SyncApiClient.Error(SyncApiClient.Result(batch, 5)));
        Assert.Equal(("kind", "contact-kind-invalid"), SyncApiClient.Error(SyncApiClient.Result(batch, 6)));
        Assert.Equal(("name", "contact-name-required"), SyncApiClient.Error(SyncApiClient.Result(batch, 6), 1));
        Assert.Equal(("portalUsers[0].externalId", "duplicate-external-id"), SyncApiClient.Error(SyncApiClient.Result(batch, 7)));

        // Nothing half-written: only the good rows exist, and the staff member was not made a portal user.
        var stored = await app.InClientsDbAsync(practice, db => db.Clients.AsNoTracking().Select(c => c.ExternalId).OrderBy(c => c).ToListAsync());
        Assert.Equal(["C-1", "C-9"], stored);
        Assert.Equal(1, await app.InClientsDbAsync(practice, db => db.PortalMembers.CountAsync()));

        // A project of a contact not synced yet is an error of its own row.
        var projects = await api.BatchAsync("projects", new { externalId = "J-1", clientExternalId = "C-404", name = "2025 T1", status = "Received" });
        Assert.Equal(("clientExternalId", "client-not-found"), SyncApiClient.Error(SyncApiClient.Result(projects, 0)));
    }

    [Theory, BothDatabases]
    public async Task A_changed_address_of_a_known_portal_user_is_the_verified_change_and_keeps_the_person(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var (practice, _, api) = await SyncApiClient.StartAsync(app);
        var before = $"before-{Guid.NewGuid():N}@example.com";
        var after = $"after-{Guid.NewGuid():N}@example.com";
        object Contact(string email) => new { externalId = "C-1", name = "Jordan Lee", portalUsers = new[] { new { externalId = "C-1-U1", email, name = "Jordan Lee" } } };

        await api.BatchAsync("contacts", Contact(before));
        var person = (await app.InPracticeAsync(practice, sp => sp.GetRequiredService<IUserDirectory>().FindByEmailAsync(before)))!;

        var changed = await api.BatchAsync("contacts", Contact(after));
        Assert.Equal("updated", SyncApiClient.Result(changed, 0).GetProperty("status").GetString());
        Assert.Equal("pending", SyncApiClient.Result(changed, 0).GetProperty("emailChange").GetString());

        // The same person, still signing in with the old address until they confirm the new one.
        var now = (await app.InPracticeAsync(practice, sp => sp.GetRequiredService<IUserDirectory>().FindAsync(person.Id)))!;
        Assert.Equal((before, after), (now.Email, now.PendingEmail));
        Assert.Null(await app.InPracticeAsync(practice, sp => sp.GetRequiredService<IUserDirectory>().FindByEmailAsync(after)));
        var confirmation = await app.InPracticeAsync(practice, sp => sp.GetRequiredService<CoreTenantDbContext>().OutboxMessages.AsNoTracking().Where(m => m.To == after).ToListAsync());
        Assert.Single(confirmation);
        Assert.Equal(1, await app.InClientsDbAsync(practice, db => db.PortalMembers.CountAsync()));

        // Sent again while it waits: nothing new is sent.
        var again = await api.BatchAsync("contacts", Contact(after));
        Assert.Equal(("unchanged", "pending"), (SyncApiClient.Result(again, 0).GetProperty("status").GetString(), SyncApiClient.Result(again, 0).GetProperty("emailChange").GetString()));
        Assert.Single(await app.InPracticeAsync(practice, sp => sp.GetRequiredService<CoreTenantDbContext>().OutboxMessages.AsNoTracking().Where(m => m.To == after).ToListAsync()));
        Assert.Equal(person.Id, await app.InPracticeAsync(practice, sp => sp.GetRequiredService<SyncDbContext>().PortalUsers.Where(p => p.ExternalId == "C-1-U1").Select(p => p.UserId).SingleAsync()));

        // An address someone else has is refused, whatever its case: a user made earlier in the same batch counts.
        var taken = $"taken-{Guid.NewGuid():N}@example.com";
        var refused = await api.BatchAsync(
            "contacts",
            new { externalId = "C-2", name = "Robin Moss", portalUsers = new[] { new { externalId = "C-2-U1", email = taken, name = "Robin Moss" } } },
            Contact(taken.ToUpperInvariant()));
        Assert.Equal(["created", "error"], SyncApiClient.Statuses(refused));
        Assert.Equal(("portalUsers[0].email", "portal-user-refused"), SyncApiClient.Error(SyncApiClient.Result(refused, 1)));
        now = (await app.InPracticeAsync(practice, sp => sp.GetRequiredService<IUserDirectory>().FindAsync(person.Id)))!;
        Assert.Equal((before, after), (now.Email, now.PendingEmail));
    }

    [Theory, BothDatabases]
    public async Task A_tombstone_archives_the_client_and_its_portal_user_no_longer_sees_its_files(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var (practice, _, api) = await SyncApiClient.StartAsync(app, Portal.Documents.Manifest.Feature);
        var person = await app.AddClientAsync(practice);
        var created = await api.BatchAsync("contacts", new { externalId = "C-1", name = "Jordan Lee", portalUsers = new[] { new { externalId = "C-1-U1", email = person.Email } } });
        var clientId = Guid.Parse(SyncApiClient.Result(created, 0).GetProperty("id").GetString()!);

        var browser = new TusClient(await app.SignedInClientAsync(practice, person));
        var version = await browser.UploadAsync(DocumentsScenario.Pdf(2048), "T4.pdf", clientId);
        Assert.Equal(2048, (await browser.DownloadAsync(version.ToString())).Length);

        var deleted = await api.BatchAsync("contacts", new { externalId = "C-1", deleted = true });
        Assert.Equal("deleted", SyncApiClient.Result(deleted, 0).GetProperty("status").GetString());
        var download = await browser.Http.GetAsync($"documents/versions/{version}/download");
        Assert.True(download.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, $"got {(int)download.StatusCode}");
        var client = await app.InClientsDbAsync(practice, db => db.Clients.AsNoTracking().SingleAsync(c => c.Id == clientId));
        Assert.Equal(ClientStatus.Archived, client.Status);
        Assert.False(await app.InClientsDbAsync(practice, db => db.PortalClients.AnyAsync(pc => pc.ClientId == clientId)));

        // The same tombstone again changes nothing.
        Assert.Equal("unchanged", SyncApiClient.Result(await api.BatchAsync("contacts", new { externalId = "C-1", deleted = true }), 0).GetProperty("status").GetString());
    }

    [Theory, BothDatabases]
    public async Task An_empty_or_oversized_batch_is_refused_and_another_practice_s_token_is_refused(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var (_, _, api) = await SyncApiClient.StartAsync(app);
        var (other, _, _) = await SyncApiClient.StartAsync(app);

        var (emptyStatus, empty) = await api.PostAsync("api/v1/contacts/batch", new { items = Array.Empty<object>() });
        Assert.Equal(HttpStatusCode.BadRequest, emptyStatus);
        Assert.Equal(("batch-size", "items"), (empty.GetProperty("code").GetString(), empty.GetProperty("field").GetString()));
        var (overStatus, over) = await api.PostAsync("api/v1/projects/batch", new { items = Enumerable.Range(0, 10_001).Select(i => new { externalId = $"J-{i}" }).ToArray() });
        Assert.Equal((HttpStatusCode.BadRequest, "batch-size"), (overStatus, over.GetProperty("code").GetString()));

        var elsewhere = new SyncApiClient(app.ClientFor(other), api.AccessToken);
        foreach (var path in new[] { "api/v1/contacts/batch", "api/v1/projects/batch" })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await elsewhere.PostAsync(path, new { items = new[] { new { externalId = "C-1", name = "Intruder" } } })).Status);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await elsewhere.GetAsync("api/v1/changes")).Status);
        Assert.Equal(0, await app.InClientsDbAsync(other, db => db.Clients.CountAsync()));
    }

    /// <summary>Everything a batch could write: audit rows, the clients' last change, portals, members, reminders, mail.</summary>
    private static Task<(int, DateTime, int, int, int, int)> WritesAsync(PortalApplication app, Portal.Core.Tenancy.TenantDescriptor practice)
        => app.InPracticeAsync(practice, async sp =>
        {
            var clients = sp.GetRequiredService<ClientsDbContext>();
            return (
                await sp.GetRequiredService<AuditDbContext>().Events.CountAsync(),
                await clients.Clients.MaxAsync(c => c.UpdatedAt),
                await clients.Portals.CountAsync(),
                await clients.PortalMembers.CountAsync(),
                await sp.GetRequiredService<NotificationsDbContext>().Reminders.CountAsync(),
                await sp.GetRequiredService<CoreTenantDbContext>().OutboxMessages.CountAsync());
        });
}
