using Portal.StripeEmulator.Flows;
using Portal.StripeEmulator.State;

namespace Portal.StripeEmulator.Hosted;

/// <summary>
/// The hosted onboarding page an Account Link points at. A link opens once and within ~300 s; a used or
/// expired link sends the browser to refresh_url (where the platform mints a new one), as Stripe does.
/// </summary>
internal static class OnboardingPage
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/setup/{token}", Show);
        app.MapPost("/setup/{token}", Submit).DisableAntiforgery();
    }

    private static IResult Show(string token, EmulatorStore store, TimeProvider clock)
    {
        var link = store.FindAnywhere<AccountLinkRecord>(token);
        if (link is null)
        {
            return HostedPage.Html("Link not found", "<p>This onboarding link does not exist.</p>", StatusCodes.Status404NotFound);
        }

        AccountRecord account;
        lock (store.Gate)
        {
            if (link.Opened || link.Completed || clock.GetUtcNow() >= link.ExpiresAt)
            {
                return Results.Redirect(link.RefreshUrl);
            }

            link.Opened = true;
            account = store.Find<AccountRecord>(link.AccountId, null)!;
        }

        var due = string.Join(string.Empty, account.CurrentlyDue.Select(d => $"<li>{HostedPage.Encode(d)}</li>"));
        return HostedPage.Html("Set up payments", $"""
            <p>Stripe needs a few details for <strong>{HostedPage.Encode(account.DisplayName)}</strong> ({HostedPage.Encode(account.Id)}) before it can accept payments.</p>
            <p>Still needed:</p>
            <ul>{due}</ul>
            <form method="post">
            <label for="business_name">Business name</label>
            <input type="text" id="business_name" name="business_name" value="{HostedPage.Encode(account.BusinessName)}">
            <button type="submit">Submit</button>
            </form>
            """);
    }

    private static async Task<IResult> Submit(string token, HttpContext context, EmulatorStore store, OnboardingFlow onboarding)
    {
        if (!context.Request.HasFormContentType)
        {
            return HostedPage.NotAForm();
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var link = store.FindAnywhere<AccountLinkRecord>(token);
        if (link is null)
        {
            return HostedPage.Html("Link not found", "<p>This onboarding link does not exist.</p>", StatusCodes.Status404NotFound);
        }

        AccountRecord account;
        lock (store.Gate)
        {
            if (link.Completed)
            {
                return Results.Redirect(link.RefreshUrl);
            }

            link.Completed = true;
            account = store.Find<AccountRecord>(link.AccountId, null)!;
        }

        onboarding.Complete(account, form["business_name"]);
        return Results.Redirect(link.ReturnUrl);
    }
}
