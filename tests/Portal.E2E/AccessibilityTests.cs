using System.Diagnostics;
using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Portal.E2E.Infrastructure;
using Xunit;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E;

/// <summary>
/// axe-core finds no serious or critical violation on any page of the client site or the practice's
/// staff admin, nor on the platform's own pages (its home and the operator's admin; WCAG 2.1 AA, issue 15).
/// The pages are the application's own page table (<see cref="ClientPages.Routes"/>,
/// <see cref="AdminPages.Routes"/> and <see cref="HostPages.Routes"/>, which EndToEndPageListsTests
/// holds to it); their route values come from the demo practice by following the
/// site's own links (and frames) from the home page as each person, and the few pages met only from an
/// e-mail, a typed address or a payment are opened the way a person meets them. What the demo has no
/// sample of, the test makes of its own on the shared app, leaving the demo's own people and invoices as
/// they are: an invoice it pays, a staff member who turns on two-factor sign-in, a secure e-mail to an
/// address of its own. Each route must be checked (or be named in <see cref="ClientPagesNotReached"/>
/// with the reason), so a new page cannot go unchecked.
/// One browser; each person signs in once; pages one after another. On SQLite, with the demo.
/// </summary>
public sealed class AccessibilityTests(DemoAppFixture demo, BrowserFixture browser, ITestOutputHelper output)
    : IClassFixture<DemoAppFixture>, IClassFixture<BrowserFixture>
{
    /// <summary>A link's token that was used or cut short: the page a person meets from an old e-mail.</summary>
    private const string SpentToken = "used-or-cut-short";

    /// <summary>Following links without end is bounded: the demo has far fewer pages.</summary>
    private const int MaxCrawledPages = 150;

    /// <summary>The password the test's own staff member chooses at the first sign-in.</summary>
    private const string StaffPassword = "Kettle-Lantern-Orchard-42";

    /// <summary>
    /// Client pages no person reaches without changing what other tests rely on, with the reason. Empty
    /// on purpose: each would be a gap in the check, named in the test's output.
    /// </summary>
    private static readonly Dictionary<string, string> ClientPagesNotReached = new(StringComparer.Ordinal);

    /// <summary>Admin pages the test cannot bring about, with the reason, as <see cref="ClientPagesNotReached"/>.</summary>
    private static readonly Dictionary<string, string> AdminPagesNotReached = new(StringComparer.Ordinal)
    {
        ["/admin/billing/setup-payments/refresh"] = "Stripe's onboarding opens it; it only redirects (to a new onboarding link, or to the setup page) "
            + "and shows markup of its own only when Stripe does not answer, which the shared app's embedded Stripe emulator always does",
    };

    /// <summary>Platform pages no person opens as a page, with the reason, as <see cref="ClientPagesNotReached"/>.</summary>
    private static readonly Dictionary<string, string> HostPagesNotReached = new(StringComparer.Ordinal)
    {
        ["/admin/signout"] = "the operator signs out with a button on every page (a POST); the address itself only redirects to the operator's home",
    };

    /// <summary>
    /// axe's own run options: violations only (the passes are not read), and no descent into frames:
    /// the Customize page's previews are sandboxed without scripts, axe cannot run inside them and
    /// waits for them forever. Each frame's address is checked as a page of its own instead.
    /// </summary>
    private static readonly AxeRunOptions RunOptions = new()
    {
        Iframes = false,
        ResultTypes = [ResultType.Violations],
    };

    /// <summary>How long axe may take on one page before the check fails with that page's name.</summary>
    private static readonly TimeSpan PageLimit = TimeSpan.FromSeconds(20 * TestEnvironment.TimeoutScale);

    private static readonly HashSet<string> BlockingImpacts = new(StringComparer.OrdinalIgnoreCase) { "serious", "critical" };

    [Fact]
    public async Task Axe_as_run_here_reports_serious_and_critical_violations()
    {
        // The sweeps below pass only when axe finds nothing: this shows that axe, with their options, finds something.
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SetContentAsync("""
            <!doctype html><html lang="en"><head><title>Broken on purpose</title></head><body><main>
            <h1>Broken on purpose</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><p style="color:#aaaaaa;background:#ffffff">Pale text</p>
            <iframe sandbox srcdoc="<p>framed</p>" title="A sandboxed frame axe must not enter"></iframe>
            </main></body></html>
            """);
        var result = await page.RunAxe(RunOptions).WaitAsync(PageLimit);
        var found = result.Violations.Where(v => BlockingImpacts.Contains(v.Impact ?? "")).Select(v => v.Id).ToList();
        Assert.Contains("image-alt", found);
        Assert.Contains("color-contrast", found);
    }

    [Fact]
    public async Task Client_site_pages_have_no_serious_or_critical_accessibility_violation()
    {
        var practiceUrl = demo.App.PracticeUrl(DemoPractice.Name);
        var sweep = new Sweep(practiceUrl, ClientPages.Routes, output);

        await using (var visitorContext = await browser.NewContextAsync())
        {
            var visitor = await visitorContext.NewPageAsync();
            await sweep.CrawlAsync(visitor, "/", "/account/signin");

            // Links from older e-mails, used or cut short by a mail program: each page says what went wrong.
            foreach (var route in new[] { "/account/set-password", "/account/reset-password", "/account/confirm-email", "/tasks/link", "/secure-mail/open" })
            {
                await sweep.CheckAsync(visitor, $"{route}?token={SpentToken}", expectedStatus: 400);
            }

            Assert.True(sweep.CheckedCount >= 8, $"Only {sweep.CheckedCount} pages were checked signed out.");
        }

        var signedOut = sweep.CheckedCount;
        await using var clientContext = await browser.NewContextAsync();
        var page = await clientContext.NewPageAsync();
        await PracticeSite.SignInAsync(page, practiceUrl, DemoPractice.ClientEmail, AppProcess.DemoPassword);

        // The client has two portals: the chooser first, then the site of one.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Choose a portal", Level = 1 })).ToBeVisibleAsync();
        await sweep.CheckCurrentAsync(page, "/portals/choose");
        await page.GetByRole(AriaRole.Button, new() { Name = "Open Lee household" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Welcome, Jordan Lee", Level = 1 })).ToBeVisibleAsync();
        await sweep.CrawlAsync(page, "/");

        // Addresses a client may type or keep: the staff admin, a page that is gone, the sign-out page;
        // a payment request's thank-you page and a secure e-mail's return page from cut-short links.
        await sweep.CheckAsync(page, "/admin", expectedStatus: 403, route: "/account/access-denied");
        await sweep.CheckAsync(page, $"/documents/{Guid.NewGuid()}", expectedStatus: 404, route: "/error/{code:int?}");
        await sweep.CheckAsync(page, "/account/signout");
        await sweep.CheckAsync(page, $"/billing/payment-requests/thank-you?session_id=cs_test_{Guid.NewGuid():N}", expectedStatus: 404);
        await sweep.CheckAsync(page, $"/secure-mail/return/{Guid.NewGuid()}");

        // An invoice of the test's own, so the demo's invoices stay as they are (other tests on the shared
        // demo pay them). The practice's administrator also makes a staff member of the test's own, who
        // turns on two-factor sign-in (no demo user's sign-in changes).
        var suffix = PracticeSite.RandomSuffix();
        var number = $"A11Y-{suffix}";
        var staffEmail = $"a11y-{suffix}@demo.example";
        await using (var adminContext = await browser.NewContextAsync())
        {
            var admin = await adminContext.NewPageAsync();
            await PracticeSite.SignInAsync(admin, practiceUrl, DemoPractice.AdminEmail, AppProcess.DemoPassword);
            await InvoicePaymentTests.CreateInvoiceAsync(admin, practiceUrl, number, "Accessibility check", "1.00");
            var temporaryPassword = await InviteStaffAsync(admin, practiceUrl, staffEmail, $"Alex Access {suffix}");
            await using var staffContext = await browser.NewContextAsync();
            await TurnOnTwoFactorAsync(await staffContext.NewPageAsync(), practiceUrl, staffEmail, temporaryPassword);
        }

        // A payment left on the checkout page: no payment is made.
        await page.GotoAsync(practiceUrl + "/billing");
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = number, Exact = true }).ClickAsync();
        await page.GetByTestId("pay-form").GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Pay ") }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Cancel and return" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("No payment was made");
        await sweep.CheckCurrentAsync(page, "/billing/invoices/{id:guid}/pay-cancelled");

        // Then paid by card on Stripe's hosted page (the demo's emulator).
        await page.GotoAsync(practiceUrl + "/billing");
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = number, Exact = true }).ClickAsync();
        await page.GetByTestId("pay-form").GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Pay ") }).ClickAsync();
        await InvoicePaymentTests.PayByCardAsync(page, "4242 4242 4242 4242");
        await Expect(page).ToHaveURLAsync(new Regex($"^{Regex.Escape(practiceUrl)}/billing/invoices/[0-9a-f-]{{36}}/paid"));
        await Expect(page.GetByTestId("checkout-outcome")).ToHaveAttributeAsync("data-outcome", "paid");
        await sweep.CheckCurrentAsync(page, "/billing/invoices/{id:guid}/paid");

        // Signing in again, in a browser that has not been used: the code, then a recovery code instead.
        await using (var twoFactorContext = await browser.NewContextAsync())
        {
            var signIn = await twoFactorContext.NewPageAsync();
            await signIn.GotoAsync(practiceUrl + "/account/signin");
            await signIn.GetByLabel("E-mail address").FillAsync(staffEmail);
            await signIn.GetByLabel("Password", new() { Exact = true }).FillAsync(StaffPassword);
            await signIn.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await Expect(signIn.GetByRole(AriaRole.Heading, new() { Name = "Enter your code", Level = 1 })).ToBeVisibleAsync();
            await sweep.CheckCurrentAsync(signIn, "/account/signin/code");
            await signIn.GetByRole(AriaRole.Link, new() { Name = "Use a recovery code" }).ClickAsync();
            await Expect(signIn.GetByRole(AriaRole.Heading, new() { Name = "Use a recovery code", Level = 1 })).ToBeVisibleAsync();
            await sweep.CheckCurrentAsync(signIn, "/account/signin/recovery");
        }

        Assert.True(sweep.CheckedCount - signedOut >= 20, $"Only {sweep.CheckedCount - signedOut} pages were checked signed in as a client.");
        sweep.Finish(minimumPages: 30, requireAllOf: ClientPages.Routes, notReached: ClientPagesNotReached);
    }

    [Fact]
    public async Task Admin_pages_have_no_serious_or_critical_accessibility_violation()
    {
        var practiceUrl = demo.App.PracticeUrl(DemoPractice.Name);
        var sweep = new Sweep(practiceUrl, AdminPages.Routes, output);
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await PracticeSite.SignInAsync(page, practiceUrl, DemoPractice.AdminEmail, AppProcess.DemoPassword);

        // A secure e-mail to an address of the test's own gives the sent items and the outbox a message to open.
        await page.GotoAsync(practiceUrl + "/admin/secure-mail/compose");
        await page.GetByLabel("Recipient's e-mail address").FillAsync($"a11y-{PracticeSite.RandomSuffix()}@demo.example");
        await page.GetByLabel("Subject").FillAsync("Accessibility check");
        await page.GetByLabel("Message", new() { Exact = true }).FillAsync("A message for the accessibility check.");
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync("harbour-lights-2026");
        await page.GetByLabel("Password hint").FillAsync("The check's own");
        await page.GetByTestId("compose-send").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("is on its way");

        // The void page of an invoice nothing was paid on: the crawl opens one invoice only, and the newest
        // may be paid (the client test's own), which has no such link.
        await page.GotoAsync(practiceUrl + "/admin/billing/invoices");
        var invoices = await page.EvaluateAsync<string[]>(
            @"() => [...document.querySelectorAll('a[href]')].map(a => a.href).filter(h => /\/admin\/billing\/invoices\/[0-9a-f-]{36}$/i.test(h))");
        foreach (var invoice in invoices.Distinct())
        {
            await page.GotoAsync(invoice);
            var voidLink = page.GetByRole(AriaRole.Link, new() { Name = "Void", Exact = true });
            if (await voidLink.CountAsync() > 0)
            {
                await voidLink.ClickAsync();
                await Expect(page).ToHaveURLAsync(new Regex("/void$"));
                await sweep.CheckCurrentAsync(page, "/admin/billing/invoices/{id:guid}/void");
                break;
            }
        }

        // The desktop sync program's pages are opened by the program or typed from its console, never linked.
        await sweep.CrawlAsync(
            page,
            "/admin",
            "/admin/connect/device",
            "/admin/connect/finished",
            "/admin/connect/authorize?client_id=portal-sync&response_type=code&redirect_uri=http%3A%2F%2F127.0.0.1%3A50000%2Fcallback"
                + "&scope=sync&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256&state=a11y&device_name=Accessibility");
        sweep.Finish(minimumPages: 50, requireAllOf: AdminPages.Routes, notReached: AdminPagesNotReached);
    }

    [Fact]
    public async Task Platform_pages_have_no_serious_or_critical_accessibility_violation()
    {
        var hostUrl = demo.App.BaseUrl;
        var sweep = new Sweep(hostUrl, HostPages.Routes, output);
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();

        // Signed out: the platform's home and the operator's sign-in page; then the operator's whole admin.
        await sweep.CrawlAsync(page, "/", "/admin/signin");
        await page.GotoAsync(hostUrl + "/admin/signin");
        await page.GetByLabel("E-mail address").FillAsync(AppProcess.OperatorEmail);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(AppProcess.OperatorPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(hostUrl + "/admin");

        // The demo has no plan: a plan of the test's own gives the plans list one to open (no practice is on it).
        await page.GotoAsync(hostUrl + "/admin/plans/new");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync($"Accessibility check {PracticeSite.RandomSuffix()}");
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^(Create|Save|Add)") }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved.");
        await sweep.CrawlAsync(page, "/admin");
        sweep.Finish(minimumPages: 10, requireAllOf: HostPages.Routes, notReached: HostPagesNotReached);
    }

    /// <summary>Invites a staff member with a temporary password (no e-mail, no portal reminder) and returns it.</summary>
    private static async Task<string> InviteStaffAsync(IPage admin, string practiceUrl, string email, string name)
    {
        await admin.GotoAsync(practiceUrl + "/admin/users/invite");
        await admin.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await admin.GetByLabel("E-mail address").FillAsync(email);
        await admin.GetByRole(AriaRole.Radio, new() { NameRegex = new Regex("temporary password") }).CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Invite" }).ClickAsync();
        return (await admin.GetByTestId("temporary-password").TextContentAsync())!.Trim();
    }

    /// <summary>The new staff member chooses a password at the first sign-in and sets up an authenticator app.</summary>
    private static async Task TurnOnTwoFactorAsync(IPage staff, string practiceUrl, string email, string temporaryPassword)
    {
        await PracticeSite.SignInAsync(staff, practiceUrl, email, temporaryPassword);
        await Expect(staff.GetByRole(AriaRole.Heading, new() { Name = "Choose your own password", Level = 1 })).ToBeVisibleAsync();
        await staff.GetByLabel("Temporary password").FillAsync(temporaryPassword);
        await staff.GetByLabel("New password", new() { Exact = true }).FillAsync(StaffPassword);
        await staff.GetByLabel("Repeat the new password").FillAsync(StaffPassword);
        await staff.GetByRole(AriaRole.Button, new() { Name = "Save password" }).ClickAsync();
        await Expect(staff).Not.ToHaveURLAsync(new Regex("/account/change-password"));

        await staff.GotoAsync(practiceUrl + "/account/two-factor");
        var key = (await staff.GetByTestId("shared-key").TextContentAsync())!.Trim();
        await staff.GetByLabel("Code from the app").FillAsync(AuthenticatorApp.CodeNow(key));
        await staff.GetByRole(AriaRole.Button, new() { Name = "Turn on two-factor sign-in" }).ClickAsync();
        await Expect(staff.GetByTestId("recovery-codes")).ToBeVisibleAsync();
    }

    /// <summary>
    /// One area's pages: opens each, checks its status and runs axe on it, following its links to the
    /// area's other pages (each route once; every frame's address as a page of its own).
    /// </summary>
    private sealed class Sweep(string practiceUrl, IReadOnlyList<string> routes, ITestOutputHelper output)
    {
        private readonly RouteTable _table = new(routes);
        private readonly HashSet<string> _checkedRoutes = new(StringComparer.Ordinal);
        private readonly List<string> _checkedUrls = [];
        private readonly List<string> _failures = [];
        private readonly Stopwatch _stopwatch = Stopwatch.StartNew();

        /// <summary>Opens <paramref name="starts"/> and every page of the area their links and frames lead to.</summary>
        public async Task CrawlAsync(IPage page, params string[] starts)
        {
            var queue = new Queue<(Uri Url, bool Frame)>(starts.Select(s => (new Uri(practiceUrl + s), false)));

            // Each crawl opens each route once: a signed-out crawl's home page is not the client's. A
            // route first met with a query (one folder's documents) is opened once more without one:
            // which link comes first depends on the data, and only the whole list links to all it holds.
            var routesOpened = new HashSet<string>(StringComparer.Ordinal);
            var routesOpenedWhole = new HashSet<string>(StringComparer.Ordinal);
            bool FirstOpening(string route, Uri url) => url.Query.Length > 0 ? routesOpened.Add(route) : routesOpenedWhole.Add(route) | routesOpened.Add(route);
            var urlsOpened = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var opened = 0;
            while (queue.TryDequeue(out var next))
            {
                var route = _table.RouteOf(next.Url);
                if (route is null || !urlsOpened.Add(next.Url.PathAndQuery) || (!next.Frame && !FirstOpening(route, next.Url)))
                {
                    continue;
                }

                Assert.True(++opened <= MaxCrawledPages, $"The crawl went past {MaxCrawledPages} pages; the last was {next.Url}.");
                if (next.Frame && await ScriptlessFrameAsync(page, next.Url) is { } scriptless)
                {
                    if (scriptless.Status != 200)
                    {
                        _failures.Add($"{next.Url.PathAndQuery} ({route}) answered {scriptless.Status}.");
                        continue;
                    }

                    await page.GotoAsync("about:blank");
                    await page.SetContentAsync(scriptless.Html);
                    await AnalyzeAsync(page, next.Url.PathAndQuery, route);
                    continue;
                }

                var response = await page.GotoAsync(next.Url.AbsoluteUri);
                if (!new Uri(page.Url).AbsolutePath.Equals(next.Url.AbsolutePath, StringComparison.OrdinalIgnoreCase))
                {
                    // A link to a page this person may not open (signed out: the sign-in page instead).
                    output.WriteLine($"{next.Url.PathAndQuery}: sent to {new Uri(page.Url).PathAndQuery}, not checked as {route}");
                    continue;
                }

                if (response?.Status != 200)
                {
                    _failures.Add($"{next.Url.PathAndQuery} ({route}) answered {response?.Status}.");
                    continue;
                }

                await AnalyzeAsync(page, next.Url.PathAndQuery, route);
                var links = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('a[href]')].map(a => a.href)");
                var frames = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('iframe[src]')].map(f => f.src)");
                foreach (var (href, frame) in links.Select(l => (l, false)).Concat(frames.Select(f => (f, true))))
                {
                    if (Uri.TryCreate(href, UriKind.Absolute, out var link) && link.Authority == next.Url.Authority && _table.RouteOf(link) is not null)
                    {
                        queue.Enqueue((link, frame));
                    }
                }
            }
        }

        /// <summary>How many addresses were checked so far.</summary>
        public int CheckedCount => _checkedUrls.Count;

        /// <summary>
        /// A frame whose own Content-Security-Policy forbids scripts ("sandbox" without "allow-scripts":
        /// the sign-in box's preview) holds axe's scripts out too, opened as a page, and axe waits until
        /// the per-page limit. Such a frame's markup is fetched by the page the browser is on (same
        /// origin, signed in) and checked in a blank page; null for a frame that allows scripts.
        /// </summary>
        private static async Task<ScriptlessFrame?> ScriptlessFrameAsync(IPage page, Uri url)
        {
            if (!page.Url.StartsWith(url.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase))
            {
                // The blank page of an earlier such frame cannot fetch from the site.
                await page.GotoAsync(url.GetLeftPart(UriPartial.Authority) + "/");
            }

            var frame = await page.EvaluateAsync<ScriptlessFrame>(
                "url => fetch(url).then(async r => ({ Status: r.status, Policy: r.headers.get('content-security-policy') ?? '', Html: await r.text() }))",
                url.AbsoluteUri);
            var sandboxed = frame.Policy.Split(';').Select(d => d.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)).FirstOrDefault(d => d.Length > 0 && d[0] == "sandbox");
            return sandboxed is not null && !sandboxed.Contains("allow-scripts") ? frame : null;
        }

        /// <summary>Opens <paramref name="pathAndQuery"/> and checks it (a page of <paramref name="route"/>, found from the address when not given).</summary>
        public async Task CheckAsync(IPage page, string pathAndQuery, int expectedStatus = 200, string? route = null)
        {
            var response = await page.GotoAsync(practiceUrl + pathAndQuery);
            route ??= _table.RouteOf(new Uri(practiceUrl + pathAndQuery)) ?? throw new InvalidOperationException($"{pathAndQuery} is no page of this area.");
            if (response?.Status != expectedStatus)
            {
                _failures.Add($"{pathAndQuery} ({route}) answered {response?.Status} instead of {expectedStatus}.");
                return;
            }

            await AnalyzeAsync(page, pathAndQuery, route);
        }

        /// <summary>Checks the page the browser is on, reached by clicking as a person would.</summary>
        public Task CheckCurrentAsync(IPage page, string route) => AnalyzeAsync(page, new Uri(page.Url).PathAndQuery, route);

        /// <summary>
        /// Fails with every violation found, when fewer than <paramref name="minimumPages"/> were checked,
        /// or when a route of <paramref name="requireAllOf"/> was never checked (and is not in <paramref name="notReached"/>).
        /// </summary>
        public void Finish(int minimumPages, IReadOnlyList<string>? requireAllOf = null, IReadOnlyDictionary<string, string>? notReached = null)
        {
            output.WriteLine($"{_checkedUrls.Count} pages ({_checkedRoutes.Count} routes) checked in {_stopwatch.Elapsed.TotalSeconds:0.0} s.");
            foreach (var (route, reason) in notReached ?? new Dictionary<string, string>())
            {
                output.WriteLine($"Not checked: {route} ({reason}).");
            }

            var missed = (requireAllOf ?? []).Except(_checkedRoutes).Except(notReached?.Keys ?? []).ToList();
            Assert.True(_failures.Count == 0, $"{_failures.Count} problem(s) on {_checkedUrls.Count} pages:\n" + string.Join("\n", _failures));
            Assert.True(missed.Count == 0, $"Pages never reached: {string.Join(", ", missed)}");
            Assert.True(_checkedUrls.Count >= minimumPages, $"Only {_checkedUrls.Count} pages were checked: {string.Join(", ", _checkedUrls)}");
        }

        private async Task AnalyzeAsync(IPage page, string pathAndQuery, string route)
        {
            _checkedRoutes.Add(route);
            _checkedUrls.Add(pathAndQuery);
            var started = Stopwatch.GetTimestamp();
            AxeResult result;
            try
            {
                result = await page.RunAxe(RunOptions).WaitAsync(PageLimit);
            }
            catch (TimeoutException)
            {
                Assert.Fail($"axe did not finish on {pathAndQuery} ({route}) within {PageLimit.TotalSeconds:0} s.");
                return;
            }

            // Lower-impact violations do not fail the check, but are named so they can be seen and fixed.
            var named = string.Join(", ", result.Violations.Select(v => $"{v.Id} [{v.Impact}]"));
            output.WriteLine($"{pathAndQuery}: {Stopwatch.GetElapsedTime(started).TotalMilliseconds:0} ms, {result.Violations.Length} violation(s){(named.Length > 0 ? ": " + named : "")}");
            foreach (var violation in result.Violations.Where(v => BlockingImpacts.Contains(v.Impact ?? "")))
            {
                var targets = string.Join("; ", violation.Nodes.Select(n => $"{n.Target} {Shorten(n.Html)}"));
                _failures.Add($"{pathAndQuery} ({route}): {violation.Id} [{violation.Impact}] {violation.Help} at {targets}");
            }
        }

        private static string Shorten(string? html) => html is null ? "" : html.Length <= 160 ? html : html[..160] + "…";
    }

    /// <summary>Tells which route template of an area an address is a page of.</summary>
    private sealed class RouteTable
    {
        private readonly List<(string Route, Regex Pattern)> _routes;

        /// <summary>Literal routes before those with parameters, so "/messages/new" is not taken for "/messages/{id}".</summary>
        public RouteTable(IEnumerable<string> routes)
            => _routes = routes.OrderBy(r => r.Count(c => c == '{')).Select(r => (r, Pattern(r))).ToList();

        public string? RouteOf(Uri url) => _routes.FirstOrDefault(r => r.Pattern.IsMatch(url.AbsolutePath)).Route;

        private static Regex Pattern(string route)
        {
            var segments = route.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(segment => segment switch
            {
                _ when !segment.StartsWith('{') => "/" + Regex.Escape(segment),
                _ when segment.EndsWith("?}", StringComparison.Ordinal) => "(?:/[^/]+)?",
                _ when segment.Contains(":guid", StringComparison.Ordinal) => "/[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}",
                _ => "/[^/]+",
            });
            return new Regex("^" + string.Concat(segments) + "/?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        }
    }

    /// <summary>A frame's answer, fetched by its parent page.</summary>
    private sealed class ScriptlessFrame
    {
        public int Status { get; set; }

        public string Policy { get; set; } = "";

        public string Html { get; set; } = "";
    }
}
