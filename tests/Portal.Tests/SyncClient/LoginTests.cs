using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Portal.Core.Data;
using Portal.Tests.Infrastructure;
using Portal.Tests.Sync;
using PortalSync.Hosting;

namespace Portal.Tests.SyncProgram;

/// <summary>portal-sync login, status and logout against a real practice (the consent page driven as a signed-in browser).</summary>
public sealed class LoginTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Theory, BothDatabases]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Login_approved_in_the_browser_stores_tokens_that_open_the_api_and_logout_revokes_them(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        var admin = await app.AddAdministratorAsync(practice);
        var signedIn = await app.SignedInClientAsync(practice, admin);
        var browser = new ConsentingBrowser(signedIn, "approve");
        using var sandbox = new SyncClientSandbox(() => app.Server.CreateHandler(), browser);
        var address = $"http://{practice.Name}.localhost/";

        Assert.Equal(0, await sandbox.RunAsync("login", address));

        // The tab is sent on to the page that says what happened.
        using var loopback = await browser.Answered!;
        Assert.Equal(HttpStatusCode.SeeOther, loopback.StatusCode);
        Assert.Equal($"{address}admin/connect/finished", loopback.Headers.Location!.ToString());
        var finished = await signedIn.GetDocumentAsync("admin/connect/finished");
        Assert.Contains("You approved Portal Sync (desktop program) on Test desk PC", finished.QuerySelector("[data-testid=finished-outcome]")!.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("http://127.0.0.1:", browser.Opened!.Query.Split("redirect_uri=")[1].Replace("%3A", ":", StringComparison.Ordinal).Replace("%2F", "/", StringComparison.Ordinal), StringComparison.Ordinal);

        var connection = (await sandbox.Files.ReadConnectionAsync(CancellationToken.None))!;
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(sandbox.Files.ConnectionPath));
        Assert.DoesNotContain(connection.AccessToken, sandbox.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(connection.RefreshToken, sandbox.Output, StringComparison.Ordinal);
        Assert.Equal("Test desk PC", connection.DeviceName);
        var program = app.ClientFor(practice);
        using (var whoami = await SyncOAuth.WhoAmIAsync(program, connection.AccessToken))
        {
            Assert.Equal(HttpStatusCode.OK, whoami.StatusCode);
            Assert.Equal(admin.Id.ToString(), JsonDocument.Parse(await whoami.Content.ReadAsStringAsync()).RootElement.GetProperty("subject").GetString());
        }

        Assert.Equal(0, await sandbox.RunAsync("status"));
        Assert.Contains($"Connected to {practice.Name}", sandbox.Output.Replace("\n", " ", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);

        Assert.Equal(0, await sandbox.RunAsync("logout"));
        Assert.False(File.Exists(sandbox.Files.ConnectionPath));
        using (var after = await SyncOAuth.WhoAmIAsync(program, connection.AccessToken))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        }

        Assert.Equal("invalid_grant", SyncOAuth.Error((await SyncOAuth.RefreshAsync(program, connection.RefreshToken)).Body));
    }

    [Theory, BothDatabases]
    public async Task A_connection_revoked_on_connected_apps_is_one_clear_message_and_exit_code_2(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        var signedIn = await app.SignedInClientAsync(practice, await app.AddAdministratorAsync(practice));
        using var sandbox = new SyncClientSandbox(() => app.Server.CreateHandler(), new ConsentingBrowser(signedIn, "approve"));
        var address = $"http://{practice.Name}.localhost/";
        Assert.Equal(0, await sandbox.RunAsync("login", address));

        var list = await signedIn.GetDocumentAsync("admin/connected-apps");
        var form = (IHtmlFormElement)list.QuerySelector("[data-testid=connected-apps] tbody tr form")!;
        using (var revoked = await signedIn.PostFormAsync(form, [], "admin/connected-apps"))
        {
            Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        }

        Assert.Equal(ExitCodes.Revoked, await sandbox.RunAsync("status"));
        Assert.Contains($"The connection was revoked or expired: run portal-sync login {address}", sandbox.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", sandbox.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", sandbox.Output, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task Login_denied_in_the_browser_stores_nothing_and_says_so(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        var signedIn = await app.SignedInClientAsync(practice, await app.AddAdministratorAsync(practice));
        var browser = new ConsentingBrowser(signedIn, "deny");
        using var sandbox = new SyncClientSandbox(() => app.Server.CreateHandler(), browser);

        Assert.Equal(ExitCodes.Failed, await sandbox.RunAsync("login", $"http://{practice.Name}.localhost/"));

        Assert.Contains("The connection was denied in the browser.", sandbox.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(sandbox.Files.ConnectionPath));
        using var loopback = await browser.Answered!;
        Assert.Equal(HttpStatusCode.SeeOther, loopback.StatusCode);
    }

    /// <summary>The person's browser: opens the consent page signed in, presses a button, follows the redirect to the program's loopback.</summary>
    private sealed class ConsentingBrowser(HttpClient signedIn, string decision) : IBrowserLauncher
    {
        public Uri? Opened { get; private set; }

        public Task<HttpResponseMessage>? Answered { get; private set; }

        public Task<bool> OpenAsync(Uri address, CancellationToken cancellationToken)
        {
            Opened = address;
            // Like a real browser, this runs beside the program, which is waiting on its loopback.
            Answered = Task.Run(async () =>
            {
                using var consent = await SyncOAuth.DecideAsync(signedIn, address.PathAndQuery.TrimStart('/'), decision);
                using var toLoopback = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
                return await toLoopback.GetAsync(consent.Headers.Location!, cancellationToken);
            }, cancellationToken);
            return Task.FromResult(true);
        }
    }
}
