using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.E2E.Infrastructure;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E;

/// <summary>
/// The client site on a phone (390 x 844): every page a client can reach is no wider than the
/// screen (document.documentElement.scrollWidth &lt;= innerWidth, so nothing scrolls sideways), and
/// each is saved as a screenshot in artifacts/screenshots/phone/. Signed in, the pages are found by
/// following the site's own links from the home page, so a page linked anywhere is covered the day
/// it is added; the pages reached from e-mails, sign-in steps or typed addresses are opened the way
/// a person meets them. The pages met must be exactly <see cref="ClientPages.Routes"/>, which
/// EndToEndPageListsTests (Portal.Tests) holds to the application's pages. On SQLite, with the demo.
/// </summary>
public sealed class PhoneWidthTests(DemoAppFixture demo, BrowserFixture browser)
    : IClassFixture<DemoAppFixture>, IClassFixture<BrowserFixture>
{
    /// <summary>Casey Harbour, the only full-access user of "Harbour Bakery" and of no other portal.</summary>
    private const string OwnerEmail = "owner@demo.example";

    /// <summary>Links the crawl would follow without end are bounded: the demo has far fewer pages.</summary>
    private const int MaxCrawledPages = 80;

    [Fact]
    public async Task Every_client_page_fits_a_phone_screen_without_sideways_scrolling()
    {
        var practiceUrl = demo.App.PracticeUrl(DemoPractice.Name);
        var screen = new PhoneScreen(practiceUrl);

        await using (var visitorContext = await PhoneScreen.NewContextAsync(browser))
        {
            await SignedOutAsync(await visitorContext.NewPageAsync(), screen, practiceUrl);
        }

        await using (var clientContext = await PhoneScreen.NewContextAsync(browser))
        {
            var client = await clientContext.NewPageAsync();
            await PracticeSite.SignInAsync(client, practiceUrl, DemoPractice.ClientEmail, AppProcess.DemoPassword);
            await Expect(client.GetByRole(AriaRole.Heading, new() { Name = "Choose a portal", Level = 1 })).ToBeVisibleAsync();
            await screen.CheckAsync(client);
            await client.GetByRole(AriaRole.Button, new() { Name = "Open Lee household" }).ClickAsync();
            await Expect(client.GetByRole(AriaRole.Heading, new() { Name = "Welcome, Jordan Lee", Level = 1 })).ToBeVisibleAsync();

            // On a phone the navigation folds behind a button and opens within the screen.
            var nav = client.GetByRole(AriaRole.Navigation, new() { Name = "Main" });
            await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Documents" })).ToBeHiddenAsync();
            await client.GetByRole(AriaRole.Button, new() { Name = "Menu" }).ClickAsync();
            await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Documents" })).ToBeVisibleAsync();
            await screen.CheckAsync(client, name: "home-menu-open");

            var crawled = await CrawlAsync(client, screen, practiceUrl);
            Assert.True(crawled >= 12, $"Following the site's links reached only {crawled} pages: {string.Join(", ", screen.Seen.Values.SelectMany(v => v))}");

            await UploadAsync(client, screen);
            await PayAsync(client, screen);
            await TypedAddressesAsync(client, screen, practiceUrl);
        }

        await using (var ownerContext = await PhoneScreen.NewContextAsync(browser))
        {
            await TwoFactorAsync(await ownerContext.NewPageAsync(), screen, practiceUrl);
        }

        await SecureEmailAsync(screen, practiceUrl);

        Assert.True(screen.TooWide.Count == 0, "Pages wider than a phone's screen:\n" + string.Join("\n", screen.TooWide));
        var missed = ClientPages.Routes.Except(screen.Seen.Keys).ToList();
        Assert.True(missed.Count == 0, $"Client pages never reached at phone width: {string.Join(", ", missed)}");
        Assert.True(screen.PageCount >= ClientPages.Routes.Count + 10, $"Only {screen.PageCount} pages were checked.");
    }

    /// <summary>A visitor: the welcome page, signing in, and a forgotten password up to its e-mailed link; links from old e-mails.</summary>
    private static async Task SignedOutAsync(IPage page, PhoneScreen screen, string practiceUrl)
    {
        await screen.OpenAsync(page, "/", name: "home-signed-out");
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in to your portal" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in", Level = 1 })).ToBeVisibleAsync();
        await screen.CheckAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Forgot your password?" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Forgot your password?", Level = 1 })).ToBeVisibleAsync();
        await screen.CheckAsync(page);
        var askedAt = DateTime.UtcNow;
        await page.GetByLabel("E-mail address").FillAsync(OwnerEmail);
        await page.GetByRole(AriaRole.Button, new() { Name = "E-mail me a link" }).ClickAsync();
        await Expect(page.GetByTestId("reset-requested")).ToBeVisibleAsync();
        await screen.CheckAsync(page, name: "forgot-password-sent");

        var mail = await MaildirReader.WaitForMessageAsync(OwnerEmail, askedAt);
        var link = Regex.Match(mail.Text, $@"{Regex.Escape(practiceUrl)}/account/reset-password\?token=[^\s""'<>&]+");
        Assert.True(link.Success, $"\"{mail.Subject}\" has no reset link:\n{mail.Text}");
        await page.GotoAsync(link.Value);
        await Expect(page.GetByLabel("New password", new() { Exact = true })).ToBeVisibleAsync();
        await screen.CheckAsync(page);

        // Links from older e-mails (used, or cut short by a mail program) say what went wrong.
        foreach (var path in new[] { "/account/set-password?token=used-or-cut-short", "/account/confirm-email?token=used-or-cut-short", "/tasks/link?token=used-or-cut-short" })
        {
            await page.GotoAsync(practiceUrl + path);
            await Expect(page.GetByTestId("link-problem")).ToBeVisibleAsync();
            await screen.CheckAsync(page);
        }
    }

    /// <summary>
    /// Opens every page the site links to, starting at the home page, once each; sorted or paged
    /// views of a page are the same page, and the staff admin and file downloads are not pages of the
    /// client site. Returns how many pages it opened.
    /// </summary>
    private static async Task<int> CrawlAsync(IPage page, PhoneScreen screen, string practiceUrl)
    {
        var home = new Uri(practiceUrl + "/");
        var queue = new Queue<Uri>([home]);
        var queued = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { Key(home) };
        var opened = 0;
        while (queue.TryDequeue(out var next))
        {
            Assert.True(++opened <= MaxCrawledPages, $"The crawl went past {MaxCrawledPages} pages; the last was {next}.");
            var response = await page.GotoAsync(next.ToString());
            Assert.True(response is { Status: 200 }, $"{next} answered {response?.Status}.");
            await screen.CheckAsync(page);
            foreach (var href in await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('a[href]')].map(a => a.href)"))
            {
                if (Uri.TryCreate(href, UriKind.Absolute, out var link) && IsClientPage(link, home) && queued.Add(Key(link)))
                {
                    queue.Enqueue(link);
                }
            }
        }

        return opened;
    }

    private static bool IsClientPage(Uri link, Uri home)
        => link.Scheme == home.Scheme
            && link.Authority == home.Authority
            && !link.AbsolutePath.Equals("/admin", StringComparison.OrdinalIgnoreCase)
            && !link.AbsolutePath.StartsWith("/admin/", StringComparison.OrdinalIgnoreCase)
            && !link.AbsolutePath.EndsWith("/download", StringComparison.OrdinalIgnoreCase)
            && QueryKeys(link).All(key => key == "folder");

    private static string Key(Uri link) => link.AbsolutePath + (QueryKeys(link).Any() ? link.Query : "");

    private static IEnumerable<string> QueryKeys(Uri link)
        => link.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries).Select(pair => pair.Split('=')[0]);

    /// <summary>Sends a file with a long name and one the portal refuses: the upload panel and the refreshed list still fit.</summary>
    private static async Task UploadAsync(IPage client, PhoneScreen screen)
    {
        await client.GetByRole(AriaRole.Button, new() { Name = "Menu" }).ClickAsync();
        await client.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Documents" }).ClickAsync();
        await client.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Jordan Lee", Exact = true }).ClickAsync();
        var uploader = client.GetByRole(AriaRole.Region, new() { Name = $"Send documents to {DemoPractice.DisplayName}" });
        var longName = $"Receipts-for-the-home-office-deduction-January-to-December-{PracticeSite.RandomSuffix()}.pdf";
        await PracticeSite.ChooseFilesAsync(uploader, new[]
        {
            new FilePayload { Name = longName, MimeType = "application/pdf", Buffer = Encoding.ASCII.GetBytes("%PDF-1.4\n%receipts\n%%EOF\n") },
            new FilePayload { Name = "scan.pdf", MimeType = "application/pdf", Buffer = Encoding.ASCII.GetBytes("Not a PDF at all.") },
        });
        await Expect(uploader.GetByRole(AriaRole.Status).Filter(new() { HasText = "Done." })).ToBeVisibleAsync();
        await Expect(client.Locator("tr.is-added").GetByRole(AriaRole.Link, new() { Name = longName })).ToBeVisibleAsync();

        // On a phone the row is a card: its file-type icon, the name, and the size, date and sender on a line below it
        // (the wide screen's From, Size and Date columns give way to that line).
        var added = client.Locator("tr.is-added");
        await Expect(added.Locator("svg.file-icon-pdf")).ToBeVisibleAsync();
        await Expect(added.Locator(".document-meta")).ToBeVisibleAsync();
        await Expect(added.Locator(".document-meta")).ToContainTextAsync("You (");
        await Expect(added.Locator("td.document-size")).ToBeHiddenAsync();
        await screen.CheckAsync(client, name: "documents-after-upload");
    }

    /// <summary>
    /// Pays the partly paid demo invoice on the Stripe emulator's page: first leaves it ("no payment was
    /// made"), then pays by card (the page that says it is paid). The emulator's page is not the client site.
    /// </summary>
    private static async Task PayAsync(IPage client, PhoneScreen screen)
    {
        await client.GetByRole(AriaRole.Button, new() { Name = "Menu" }).ClickAsync();
        await client.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Invoices" }).ClickAsync();
        await client.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "INV-2026-087", Exact = true }).ClickAsync();
        var pay = client.GetByTestId("pay-form").GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Pay ") });
        await pay.ClickAsync();
        await client.GetByRole(AriaRole.Link, new() { Name = "Cancel and return" }).ClickAsync();
        await Expect(client.GetByRole(AriaRole.Main)).ToContainTextAsync("No payment was made");
        await screen.CheckAsync(client);

        await client.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Back to the invoice" }).ClickAsync();
        await pay.ClickAsync();
        await client.GetByLabel("Card number").FillAsync("4242 4242 4242 4242");
        await client.GetByLabel("Expiry (MM / YY)").FillAsync("12 / 34");
        await client.GetByLabel("CVC").FillAsync("123");
        await client.GetByLabel("Name on card or account").FillAsync("Jordan Lee");
        await client.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Pay ") }).ClickAsync();
        await Expect(client.GetByTestId("checkout-outcome")).ToHaveAttributeAsync("data-outcome", "paid");
        await screen.CheckAsync(client);
    }

    /// <summary>Addresses a client may type or keep: the staff admin, a page that is gone, the sign-out page.</summary>
    private static async Task TypedAddressesAsync(IPage client, PhoneScreen screen, string practiceUrl)
    {
        await client.GotoAsync(practiceUrl + "/admin");
        await Expect(client.GetByRole(AriaRole.Heading, new() { Name = "You do not have access to this page", Level = 1 })).ToBeVisibleAsync();
        await screen.CheckAsync(client);

        var missing = await client.GotoAsync($"{practiceUrl}/documents/{Guid.NewGuid()}");
        Assert.Equal(404, missing!.Status);
        await Expect(client.GetByRole(AriaRole.Heading, new() { Name = "Page not found", Level = 1 })).ToBeVisibleAsync();
        await screen.CheckAsync(client, route: "/error/{code:int?}", name: "page-not-found");

        // A payment request's thank-you page from a cut-short link: its own "not found", which names no payment.
        var unknownPayment = await client.GotoAsync($"{practiceUrl}/billing/payment-requests/thank-you?session_id=cs_test_{Guid.NewGuid():N}");
        Assert.Equal(404, unknownPayment!.Status);
        await Expect(client.GetByRole(AriaRole.Heading, new() { Name = "Payment not found", Level = 1 })).ToBeVisibleAsync();
        await screen.CheckAsync(client, name: "payment-request-not-found");

        await client.GotoAsync(practiceUrl + "/account/signout");
        await Expect(client.GetByRole(AriaRole.Heading, new() { Name = "Sign out", Level = 1 })).ToBeVisibleAsync();
        await screen.CheckAsync(client);
    }

    /// <summary>
    /// A secure e-mail met from its link on a phone: the page that shows the hint, a wrong password, and
    /// the opened message. Staff send it at desktop width (a plain secure e-mail: no payment, no quota).
    /// </summary>
    private async Task SecureEmailAsync(PhoneScreen screen, string practiceUrl)
    {
        var recipient = $"phone.{PracticeSite.RandomSuffix()}@demo.example";
        var sentAt = DateTime.UtcNow;
        await using (var staffContext = await browser.NewContextAsync())
        {
            var staff = await staffContext.NewPageAsync();
            await PracticeSite.SignInAsync(staff, practiceUrl, DemoPractice.AdminEmail, AppProcess.DemoPassword);
            await staff.GotoAsync(practiceUrl + "/admin/secure-mail/compose");
            await staff.GetByLabel("Recipient's e-mail address").FillAsync(recipient);
            await staff.GetByLabel("Subject").FillAsync("Your signed engagement letter");
            await staff.GetByLabel("Message", new() { Exact = true }).FillAsync("Hello Jordan, the signed letter is attached to our records; reply here if anything is unclear.");
            await staff.GetByLabel("Password", new() { Exact = true }).FillAsync("lighthouse-1987");
            await staff.GetByLabel("Password hint").FillAsync("The street we met on, and the year");
            await staff.GetByTestId("compose-send").ClickAsync();
            await Expect(staff.GetByRole(AriaRole.Status)).ToContainTextAsync("is on its way");
        }

        var mail = await MaildirReader.WaitForMessageAsync(recipient, sentAt);
        var link = Regex.Match(mail.Text, $@"{Regex.Escape(practiceUrl)}/secure-mail/open\?token=[A-Za-z0-9_\-]+").Value;
        await using var recipientContext = await PhoneScreen.NewContextAsync(browser);
        var page = await recipientContext.NewPageAsync();
        await page.GotoAsync(link);
        await Expect(page.GetByTestId("secure-mail-hint")).ToBeVisibleAsync();
        await screen.CheckAsync(page, name: "secure-mail-locked");
        await page.GetByLabel("Password").FillAsync("lighthouse-1986");
        await page.GetByRole(AriaRole.Button, new() { Name = "Open" }).ClickAsync();
        await Expect(page.Locator("#password-error")).Not.ToBeEmptyAsync();
        await screen.CheckAsync(page, name: "secure-mail-wrong-password");
        await page.GetByLabel("Password").FillAsync("lighthouse-1987");
        await page.GetByRole(AriaRole.Button, new() { Name = "Open" }).ClickAsync();
        await Expect(page.GetByTestId("secure-mail-body")).ToBeVisibleAsync();
        await screen.CheckAsync(page, name: "secure-mail-open");

        // Checkout's back link for a payment request, opened in a browser that does not hold the
        // message (another device): the page says no payment was made and how to open it again.
        await using var otherContext = await PhoneScreen.NewContextAsync(browser);
        var other = await otherContext.NewPageAsync();
        await other.GotoAsync($"{practiceUrl}/secure-mail/return/{Guid.NewGuid()}");
        await Expect(other.GetByTestId("secure-mail-return")).ToBeVisibleAsync();
        await screen.CheckAsync(other, name: "secure-mail-return");
    }

    /// <summary>Casey turns on two-factor sign-in, signs out from the menu and back in with a recovery code.</summary>
    private static async Task TwoFactorAsync(IPage owner, PhoneScreen screen, string practiceUrl)
    {
        await PracticeSite.SignInAsync(owner, practiceUrl, OwnerEmail, AppProcess.DemoPassword);
        await owner.GetByRole(AriaRole.Button, new() { Name = "Menu" }).ClickAsync();
        await owner.GetByRole(AriaRole.Link, new() { Name = "Casey Harbour" }).ClickAsync();
        await owner.GetByRole(AriaRole.Link, new() { Name = "Set up an authenticator app" }).ClickAsync();
        var key = (await owner.GetByTestId("shared-key").TextContentAsync())!.Trim();
        await owner.GetByLabel("Code from the app").FillAsync(AuthenticatorApp.CodeNow(key));
        await owner.GetByRole(AriaRole.Button, new() { Name = "Turn on two-factor sign-in" }).ClickAsync();
        var codes = owner.GetByTestId("recovery-codes");
        await Expect(codes).ToBeVisibleAsync();
        await screen.CheckAsync(owner, name: "two-factor-recovery-codes");
        var recoveryCode = (await codes.Locator("code").First.TextContentAsync())!.Trim();

        await owner.GetByRole(AriaRole.Link, new() { Name = "Continue" }).ClickAsync();
        await owner.GetByRole(AriaRole.Button, new() { Name = "Menu" }).ClickAsync();
        await owner.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true }).ClickAsync();
        await Expect(owner.GetByRole(AriaRole.Link, new() { Name = "Sign in to your portal" })).ToBeVisibleAsync();

        await owner.GotoAsync(practiceUrl + "/account/signin");
        await owner.GetByLabel("E-mail address").FillAsync(OwnerEmail);
        await owner.GetByLabel("Password", new() { Exact = true }).FillAsync(AppProcess.DemoPassword);
        await owner.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(owner.GetByRole(AriaRole.Heading, new() { Name = "Enter your code", Level = 1 })).ToBeVisibleAsync();
        await screen.CheckAsync(owner);
        await owner.GetByRole(AriaRole.Link, new() { Name = "Use a recovery code" }).ClickAsync();
        await Expect(owner.GetByRole(AriaRole.Heading, new() { Name = "Use a recovery code", Level = 1 })).ToBeVisibleAsync();
        await screen.CheckAsync(owner);
        await owner.GetByLabel("Recovery code", new() { Exact = true }).FillAsync(recoveryCode);
        await owner.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(owner.GetByRole(AriaRole.Heading, new() { Name = "Welcome, Casey Harbour", Level = 1 })).ToBeVisibleAsync();
    }
}
