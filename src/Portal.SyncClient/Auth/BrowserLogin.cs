using PortalSync.Hosting;
using Spectre.Console;

namespace PortalSync.Auth;

/// <summary>Authorization code + PKCE with a loopback redirect (docs/api.md, "Authorizing a program").</summary>
internal sealed class BrowserLogin(ClientEnvironment environment, HttpClient http)
{
    public async Task<TokenResponse> AuthorizeAsync(Uri portal, DiscoveryDocument discovery, bool openBrowser, CancellationToken cancellationToken)
    {
        var pkce = Pkce.Create();
        var state = Pkce.RandomState();
        using var receiver = new LoopbackReceiver();
        var authorize = discovery.AuthorizationEndpoint ?? new Uri(portal, "admin/connect/authorize");
        var query = new Dictionary<string, string>
        {
            ["client_id"] = OAuthClient.ClientId,
            ["response_type"] = "code",
            ["redirect_uri"] = receiver.RedirectUri.AbsoluteUri,
            ["scope"] = OAuthClient.Scopes,
            ["code_challenge"] = pkce.Challenge,
            ["code_challenge_method"] = "S256",
            ["state"] = state,
            ["device_name"] = environment.DeviceName,
        };
        var url = new Uri(authorize.GetLeftPart(UriPartial.Path) + "?" + string.Join('&', query.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}")));

        environment.Console.MarkupLine(openBrowser
            ? "Approve portal-sync in your browser. If it did not open, open this address:"
            : "Open this address in a browser, sign in and approve portal-sync:");
        // Unwrapped, past the console's width: a terminal soft-wraps it, so it stays one address to copy.
        environment.Console.Profile.Out.Writer.WriteLine(url.AbsoluteUri);
        environment.Console.Profile.Out.Writer.Flush();
        if (openBrowser)
        {
            await environment.Browser.OpenAsync(url, cancellationToken);
        }

        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        waiting.CancelAfter(TimeSpan.FromMinutes(15));
        IReadOnlyDictionary<string, string> answer;
        try
        {
            answer = await receiver.WaitAsync(new Uri(portal, "admin/connect/finished"), waiting.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new FatalException("Nobody approved portal-sync within 15 minutes; run portal-sync login again.");
        }

        if (!answer.TryGetValue("state", out var returned) || returned != state)
        {
            throw new FatalException("The browser came back with an answer to another sign-in; run portal-sync login again.");
        }

        if (answer.TryGetValue("error", out var error))
        {
            throw new FatalException(error == "access_denied"
                ? "The connection was denied in the browser."
                : $"The portal refused the connection ({error}).");
        }

        if (!answer.TryGetValue("code", out var code) || code.Length == 0)
        {
            throw new FatalException("The browser came back without an approval; run portal-sync login again.");
        }

        var tokens = await new TokenEndpoint(http).PostAsync(discovery.TokenEndpoint!, new()
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = receiver.RedirectUri.AbsoluteUri,
            ["code_verifier"] = pkce.Verifier,
        }, cancellationToken);
        return tokens.Error is null
            ? tokens
            : throw new FatalException($"The portal did not accept the approval ({tokens.Error}); run portal-sync login again.");
    }
}
