using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Clients.Services;
using Portal.Core.Data;
using Portal.Core.Links;
using Portal.Core.Modules;
using Portal.Core.Tenancy;
using Portal.Identity.Models;
using Portal.Identity.Services;
using Portal.Tests.Documents;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Web;

/// <summary>
/// Every Razor page of the application, read from its endpoint table, each opened by the person who
/// would use it (operator, practice administrator, client user or anyone) with real ids filled into its
/// route. The sweep tests use it to do something to every page; a page added without a sample for a
/// route value fails them until one is given here.
/// </summary>
internal sealed class PageSweep
{
    /// <summary>Pages that anyone may open but that only mean something to someone signed in.</summary>
    private static readonly HashSet<string> SignOutPages = new HashSet<string>(StringComparer.Ordinal) { "/account/signout", "/admin/signout" };

    private readonly PortalApplication _app;
    private readonly Dictionary<string, string> _paths;
    private readonly PortalUser _admin;
    private readonly PortalUser _clientUser;

    private PageSweep(PortalApplication app, TenantDescriptor practice, PortalUser admin, PortalUser clientUser, Dictionary<string, string> paths)
    {
        _app = app;
        Practice = practice;
        _admin = admin;
        _clientUser = clientUser;
        _paths = paths;
    }

    public TenantDescriptor Practice { get; }

    /// <summary>A practice with everything on, a client in a portal, a document, a note, a custom role, a second staff member and one-time links.</summary>
    public static async Task<PageSweep> CreateAsync(PortalApplication app)
    {
        var scenario = await DocumentsScenario.CreateAsync(app);
        var practice = scenario.Practice;
        await EverythingOnAsync(app, practice);
        var linkUser = await app.AddClientAsync(practice);
        var throwaway = await app.CreatePracticeAsync();
        var documentId = await UploadAsync(app, scenario);

        var (portalId, roleId, messageId, tokens) = await app.InPracticeAsync(practice, async sp =>
        {
            var portal = await sp.GetRequiredService<ClientStore>().PortalOfAsync(scenario.ClientId) ?? throw new InvalidOperationException("no portal");
            var (role, _) = await sp.GetRequiredService<RoleAdministration>().CreateAsync("Bookkeepers", "Sweep sample");
            var message = await sp.GetRequiredService<CoreTenantDbContext>().OutboxMessages.Select(m => m.Id).FirstAsync();
            var links = sp.GetRequiredService<IOneTimeLinks>();
            var set = await links.IssueAsync(new OneTimeLinkRequest(AccountLinkPurposes.SetPassword, linkUser.Id, TimeSpan.FromDays(1)));
            var reset = await links.IssueAsync(new OneTimeLinkRequest(AccountLinkPurposes.ResetPassword, linkUser.Id, TimeSpan.FromDays(1)));
            var confirm = await links.IssueAsync(new OneTimeLinkRequest(AccountLinkPurposes.ConfirmEmailChange, linkUser.Id, TimeSpan.FromDays(1), $"new-{linkUser.Email}"));
            return (portal.Id, role!.Id, message, (set, reset, confirm));
        });

        var (_, secureMailToken) = await app.InPracticeAsync(practice, sp => Portal.Tests.SecureMail.SecureMailScenario.PlaceAsync(sp, scenario.Admin.Id, scenario.Admin.Email!));

        var invoiceId = await app.InPracticeAsync(practice, async sp =>
        {
            var saved = await sp.GetRequiredService<Portal.Billing.Services.InvoiceBook>().SaveAsync(new Portal.Billing.Services.InvoiceDraft(
                scenario.ClientId, "SWEEP-1", new DateOnly(2026, 11, 1), new DateOnly(2026, 12, 1), null, [new("Sweep sample", 1, 10_000)], []));
            return saved.Value?.Id ?? throw new InvalidOperationException("no invoice: " + string.Join(" ", saved.Errors.Select(e => e.Message)));
        });

        var (paidInvoiceId, paidSession, cancelledAttempt) = await app.InPracticeAsync(practice, CheckoutSamplesAsync);
        var requestSession = await app.InPracticeAsync(practice, PaymentRequestSampleAsync);

        var paymentId = await app.InPracticeAsync(practice, async sp =>
        {
            var saved = await sp.GetRequiredService<Portal.Billing.Services.InvoiceBook>().SaveAsync(new Portal.Billing.Services.InvoiceDraft(
                scenario.ClientId, "SWEEP-2", new DateOnly(2026, 11, 1), new DateOnly(2026, 12, 1), null, [new("Sweep sample", 1, 5_000)], []));
            var paid = await sp.GetRequiredService<Portal.Billing.Services.PaymentLedger>().RecordOfflineAsync(new Portal.Billing.Services.OfflinePaymentDraft(
                scenario.ClientId, Portal.Billing.Models.PaymentMethod.Cheque, new DateOnly(2026, 11, 2), "Sweep", 5_000, "CAD", [new(saved.Value!.Id, 5_000)]));
            return paid.Value?.Id ?? throw new InvalidOperationException("no payment: " + string.Join(" ", paid.Errors.Select(e => e.Message)));
        });

        var plan = await Portal.Tests.Plans.PlanTestData.CreatePlanAsync(app, requestsPerMonth: 10, storageGigabytes: 5, staffSeats: 10);
        var sentItemId = await SecureMailSweepSamples.SentItemAsync(app, practice, scenario.Admin.Id);
        var threadId = await MessagesSweepSamples.ThreadAsync(app, practice, scenario.ClientId, scenario.ClientUser.Id);
        var projectId = await Portal.Tests.Projects.ProjectSweepSamples.ProjectAsync(app, practice, scenario.ClientId);
        var (taskId, taskLink) = await Portal.Tests.Tasks.TasksScenario.SweepSampleAsync(app, practice, scenario.ClientId, scenario.Admin, scenario.ClientUser);

        var paths = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["/admin/plans/{id:guid}"] = $"/admin/plans/{plan.Id}",
            ["/admin/practices/{name}/plan"] = $"/admin/practices/{throwaway.Name}/plan",
            ["/admin/secure-mail/sent/{id:guid}"] = $"/admin/secure-mail/sent/{sentItemId}",
            ["/messages/{id:guid}"] = $"/messages/{threadId}",
            ["/admin/messages/{id:guid}"] = $"/admin/messages/{threadId}",
            ["/billing/invoices/{id:guid}/paid"] = $"/billing/invoices/{paidInvoiceId}/paid?session_id={paidSession}",
            ["/billing/payment-requests/thank-you"] = $"/billing/payment-requests/thank-you?session_id={requestSession}",
            ["/billing/invoices/{id:guid}/pay-cancelled"] = $"/billing/invoices/{invoiceId}/pay-cancelled?attempt={cancelledAttempt}",
            ["/admin/billing/payments/{id:guid}"] = $"/admin/billing/payments/{paymentId}",
            ["/admin/billing/invoices/{id:guid}"] = $"/admin/billing/invoices/{invoiceId}",
            ["/admin/billing/invoices/{id:guid}/void"] = $"/admin/billing/invoices/{invoiceId}/void",
            ["/billing/invoices/{id:guid}"] = $"/billing/invoices/{invoiceId}",
            ["/admin/clients/{id:guid}"] = $"/admin/clients/{scenario.ClientId}",
            ["/admin/documents/clients/{clientId:guid}"] = $"/admin/documents/clients/{scenario.ClientId}",
            ["/admin/documents/{documentId:guid}"] = $"/admin/documents/{documentId}",
            ["/admin/outbox/{id:guid}"] = $"/admin/outbox/{messageId}",
            ["/admin/portals/{id:guid}"] = $"/admin/portals/{portalId}",
            ["/admin/practices/{name}"] = $"/admin/practices/{throwaway.Name}",
            ["/admin/roles/{id:guid}"] = $"/admin/roles/{roleId}",
            ["/admin/templates/{name}"] = $"/admin/templates/{MailTemplates.PasswordReset}",
            ["/admin/users/{id:guid}"] = $"/admin/users/{scenario.Staff.Id}",
            ["/documents/{clientId:guid}"] = $"/documents/{scenario.ClientId}",
            ["/documents/{clientId:guid}/notes/{documentId:guid}"] = $"/documents/{scenario.ClientId}/notes/{documentId}",
            ["/error/{code:int?}"] = "/error/404",
            ["/account/set-password"] = $"/account/set-password?token={tokens.set}",
            ["/account/reset-password"] = $"/account/reset-password?token={tokens.reset}",
            ["/account/confirm-email"] = $"/account/confirm-email?token={tokens.confirm}",
            ["/secure-mail/open"] = $"/secure-mail/open?token={Uri.EscapeDataString(secureMailToken)}",
            ["/admin/projects/{id:guid}"] = $"/admin/projects/{projectId}",
            ["/admin/projects/clients/{clientId:guid}"] = $"/admin/projects/clients/{scenario.ClientId}",
            ["/projects/{id:guid}"] = $"/projects/{projectId}",
            ["/secure-mail/return/{id:guid}"] = $"/secure-mail/return/{sentItemId}",
            ["/admin/tasks/{id:guid}"] = $"/admin/tasks/{taskId}",
            ["/tasks/{id:guid}"] = $"/tasks/{taskId}",
            ["/tasks/link"] = $"/tasks/link?token={Uri.EscapeDataString(taskLink)}",
            ["/admin/connect/authorize"] = "/admin/connect/authorize?client_id=portal-sync&response_type=code&redirect_uri=http%3A%2F%2F127.0.0.1%3A50000%2Fcallback"
                + "&scope=sync&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256&state=sweep&device_name=Sweep",
        };
        return new PageSweep(app, practice, scenario.Admin, scenario.ClientUser, paths);
    }

    /// <summary>Every page endpoint: its route, the site it belongs to and who opens it.</summary>
    public IReadOnlyList<SweptPage> Pages()
        => _app.Get<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(e =>
            {
                var route = "/" + e.RoutePattern.RawText!.TrimStart('/');
                var host = e.Metadata.GetMetadata<HostOnlyMetadata>() is not null;
                var anonymous = e.Metadata.GetMetadata<IAllowAnonymous>() is not null || e.Metadata.GetOrderedMetadata<IAuthorizeData>().Count == 0;
                var visitor = (host, anonymous && !SignOutPages.Contains(route)) switch
                {
                    (true, true) => Visitor.Anyone,
                    (true, false) => Visitor.Operator,
                    (false, true) => Visitor.Anyone,
                    _ => route.StartsWith("/admin", StringComparison.Ordinal) ? Visitor.PracticeAdministrator : Visitor.ClientUser,
                };
                return new SweptPage(route, host, visitor);
            })
            .DistinctBy(p => (p.Route, p.OnHost))

            // Clients' pages first: an administrator's empty form may remove the sample client user from their portal.
            .OrderBy(p => p.Visitor)
            .ThenBy(p => p.Route, StringComparer.Ordinal)
            .ToList();

    /// <summary>
    /// Opens the page as its visitor would. Null document: it sent them elsewhere, as it should (a
    /// second-factor step without a first, a chooser with one choice); a problem: it did not open.
    /// </summary>
    public async Task<(HttpClient Browser, string Path, IHtmlDocument? Document, string? Problem)> OpenAsync(SweptPage page)
    {
        if (PathOf(page) is not { } path)
        {
            return (_app.HostClient(), page.Route, null, "no sample value for its route (add one to PageSweep)");
        }

        var browser = await BrowserForAsync(page);
        using var response = await browser.GetAsync(HtmlForms.Relative(path));
        var status = (int)response.StatusCode;
        var location = response.Headers.Location?.OriginalString ?? "";
        var expected = status == 200
            || (status == 302 && !location.Contains("signin", StringComparison.Ordinal) && !location.Contains("access-denied", StringComparison.Ordinal) && !location.Contains("/error", StringComparison.Ordinal))
            || (status == 302 && page.Route.StartsWith("/account/signin/", StringComparison.Ordinal))
            || (status == 403 && page.Route == "/account/access-denied")
            || (status == 404 && page.Route.StartsWith("/error", StringComparison.Ordinal));
        if (!expected)
        {
            return (browser, path, null, $"GET {path} answered {status} {location}");
        }

        return (browser, path, status == 200 ? HtmlForms.Parse(await response.Content.ReadAsStringAsync()) : null, null);
    }

    /// <summary>The address to open a page at, with sample values for its route; null when no sample was given.</summary>
    private string? PathOf(SweptPage page)
        => _paths.TryGetValue(page.Route, out var path) ? path : page.Route.Contains('{', StringComparison.Ordinal) ? null : page.Route;

    /// <summary>A browser of the page's visitor, freshly signed in (a form posted earlier may have signed them out or turned features off).</summary>
    private async Task<HttpClient> BrowserForAsync(SweptPage page)
    {
        if (page.OnHost)
        {
            return page.Visitor == Visitor.Operator ? await _app.OperatorClientAsync() : _app.HostClient();
        }

        await EverythingOnAsync(_app, Practice);
        return page.Visitor switch
        {
            Visitor.PracticeAdministrator => await _app.SignedInClientAsync(Practice, _admin),
            Visitor.ClientUser => await _app.SignedInClientAsync(Practice, _clientUser),
            _ => _app.ClientFor(Practice),
        };
    }

    /// <summary>An invoice paid through Checkout (its success page answers from the books) and an attempt Stripe never answered (its cancel page needs no Stripe).</summary>
    private static async Task<(Guid PaidInvoiceId, string SessionId, Guid AttemptId)> CheckoutSamplesAsync(IServiceProvider sp)
    {
        var invoice = (await sp.GetRequiredService<Portal.Billing.Services.InvoiceBook>().SaveAsync(new Portal.Billing.Services.InvoiceDraft(
            (await sp.GetRequiredService<Portal.Billing.Data.BillingDbContext>().Invoices.FirstAsync()).ClientId, "SWEEP-PAID", new DateOnly(2026, 11, 1), new DateOnly(2026, 12, 1), null, [new("Sweep sample", 1, 5_000)], []))).Value!;
        const string session = "cs_test_sweep_paid";
        var online = new Portal.Billing.Services.OnlinePaymentDraft(session, invoice.Id, 5_000, 0, "CAD", Portal.Billing.Models.PaymentStatus.Succeeded, new DateOnly(2026, 12, 1));
        await sp.GetRequiredService<Portal.Billing.Services.PaymentLedger>().RecordOnlineAsync(online with { CheckoutSessionId = session });
        var db = sp.GetRequiredService<Portal.Billing.Data.BillingDbContext>();
        var paid = Attempt(invoice, Portal.Billing.Models.CheckoutAttemptStatus.Complete, session);
        var open = Attempt((await db.Invoices.FirstAsync(i => i.Number == "SWEEP-1")), Portal.Billing.Models.CheckoutAttemptStatus.Open, null);
        db.CheckoutAttempts.AddRange(paid, open);
        await db.SaveChangesAsync();
        return (invoice.Id, session, open.Id);
    }

    /// <summary>A secure payment request paid through Checkout: its thank-you page answers from the books.</summary>
    private static async Task<string> PaymentRequestSampleAsync(IServiceProvider sp)
    {
        const string session = "cs_test_sweep_request";
        var db = sp.GetRequiredService<Portal.Billing.Data.BillingDbContext>();
        var clientId = (await db.Invoices.FirstAsync()).ClientId;
        var request = Guid.NewGuid();
        db.CheckoutAttempts.Add(new Portal.Billing.Models.CheckoutAttempt
        {
            Id = Guid.CreateVersion7(),
            PaymentRequestId = request,
            ClientId = clientId,
            PayerEmail = "payer@example.com",
            Description = "Sweep request",
            Amount = 5_000,
            Currency = "CAD",
            SessionId = session,
            ExpiresAt = DateTime.UtcNow.AddHours(1),
            Status = Portal.Billing.Models.CheckoutAttemptStatus.Complete,
            CreatedAt = DateTime.UtcNow,
        });
        await db.SaveChangesAsync();
        var online = new Portal.Billing.Services.OnlinePaymentDraft(session, null, 5_000, 0, "CAD", Portal.Billing.Models.PaymentStatus.Succeeded, new DateOnly(2026, 12, 1))
        {
            CheckoutSessionId = session,
            Request = new Portal.Billing.Services.PaymentRequestFacts(request, clientId, "Sweep request", null, null),
        };
        await sp.GetRequiredService<Portal.Billing.Services.PaymentLedger>().RecordOnlineAsync(online);
        return session;
    }

    private static Portal.Billing.Models.CheckoutAttempt Attempt(Portal.Billing.Models.Invoice invoice, Portal.Billing.Models.CheckoutAttemptStatus status, string? session) => new()
    {
        Id = Guid.CreateVersion7(),
        InvoiceId = invoice.Id,
        OpenInvoiceId = status == Portal.Billing.Models.CheckoutAttemptStatus.Open ? invoice.Id : null,
        ClientUserId = Guid.NewGuid(),
        Amount = invoice.Balance,
        Currency = invoice.Currency,
        SessionId = session,
        ExpiresAt = DateTime.UtcNow.AddHours(1),
        Status = status,
        CreatedAt = DateTime.UtcNow,
    };

    private static async Task EverythingOnAsync(PortalApplication app, TenantDescriptor practice)
    {
        var all = app.Get<ModuleCatalog>().Features.Ordered.Select(f => f.Id).ToList();
        await app.InPracticeAsync(practice, sp => sp.GetRequiredService<TenantFeatures>().EnableAsync(all, default));
    }

    private static async Task<Guid> UploadAsync(PortalApplication app, DocumentsScenario scenario)
    {
        var staff = new TusClient(await app.SignedInClientAsync(scenario.Practice, scenario.Staff));
        var version = await staff.UploadAsync(DocumentsScenario.Pdf(5_000), "Sweep sample.pdf", scenario.ClientId);
        return await app.InPracticeAsync(scenario.Practice, sp => sp.GetRequiredService<Portal.Documents.Data.DocumentsDbContext>().Versions
            .Where(v => v.Id == version).Select(v => v.DocumentId).SingleAsync());
    }
}

/// <summary>Who opens a page, in the order the sweep visits them.</summary>
internal enum Visitor
{
    Anyone,
    ClientUser,
    PracticeAdministrator,
    Operator,
}

internal sealed record SweptPage(string Route, bool OnHost, Visitor Visitor)
{
    public override string ToString() => $"{(OnHost ? "host" : "practice")} {Route} as {Visitor}";
}
