using Portal.Core.Contracts;
using Portal.Core.Settings;
using Portal.Core.Theming;

namespace Portal.Admin.GettingStarted;

/// <summary>
/// The getting-started assistant (seed 001): each step's state from the practice's real state (its logo,
/// colors, contact details and client portals), and what administrators said (address read, steps
/// skipped, assistant hidden), kept per practice in <see cref="GettingStartedProgress"/>.
/// </summary>
public sealed class GettingStartedAssistant(SiteSettingsStore settings, IEnumerable<IClientPortalPresence> portals)
{
    public async Task<GettingStartedOverview> OverviewAsync(CancellationToken cancellationToken)
    {
        var progress = await settings.GetAsync<GettingStartedProgress>(cancellationToken);
        var branding = await settings.GetAsync<BrandingSettings>(cancellationToken);
        var site = await settings.GetAsync<SiteSettings>(cancellationToken);

        // The contact e-mail is filled in from the administrator's address when the practice is made, so
        // only what someone typed counts: a phone number or an address.
        // The contact e-mail does not count: a new practice starts with its administrator's address there.
        var companyDone = !string.IsNullOrWhiteSpace(site.ContactPhone) || !string.IsNullOrWhiteSpace(site.Address) || !string.IsNullOrWhiteSpace(site.Hours);
        var colorsDone = branding.Primary != BrandingSettings.DefaultPrimaryColor || branding.Accent != BrandingSettings.DefaultAccentColor;
        var portalDone = portals.FirstOrDefault() is { } presence && await presence.AnyClientInAPortalAsync(cancellationToken);

        StepStatus Step(GettingStartedStep step, string title, string explanation, IReadOnlyList<StepLink> links, bool done)
            => new(step, title, explanation, links, done ? StepState.Done : progress.IsSkipped(step) ? StepState.Skipped : StepState.ToDo);

        return new GettingStartedOverview(
            [
                Step(GettingStartedStep.Address, "Your portal's address", "Clients reach your portal at this address. It is fixed once chosen and cannot be changed; you can add your own domain later.", [], progress.AddressConfirmed),
                Step(GettingStartedStep.Logo, "Your logo", "Shown at the top of your clients' site, on the sign-in page and in e-mails.", [new(GettingStartedPages.Look, "Add your logo")], branding.HasLogo),
                Step(GettingStartedStep.Colors, "Your colors", "Your firm's main and accent colors for the site and e-mails.", [new(GettingStartedPages.Look, "Choose your colors")], colorsDone),
                Step(GettingStartedStep.Company, "Your contact details", "Your phone number and address, shown to clients on the site and in e-mails.", [new(GettingStartedPages.Company, "Add your contact details")], companyDone),
                Step(GettingStartedStep.FirstPortal, "Your first client portal", "Add a client, then create a portal for them and invite its users.", [new(GettingStartedPages.NewClient, "Add a client"), new(GettingStartedPages.NewPortal, "Create a portal")], portalDone),
            ],
            progress.Dismissed);
    }

    public async Task ConfirmAddressAsync(CancellationToken cancellationToken)
        => await SaveAsync(p => p with { AddressConfirmed = true }, cancellationToken);

    public async Task SkipAsync(GettingStartedStep step, bool skip, CancellationToken cancellationToken)
        => await SaveAsync(
            p => p with { Skipped = skip ? [.. p.Skipped.Append(step.ToString()).Distinct(StringComparer.Ordinal)] : [.. p.Skipped.Where(s => s != step.ToString())] },
            cancellationToken);

    public async Task DismissAsync(bool dismissed, CancellationToken cancellationToken)
        => await SaveAsync(p => p with { Dismissed = dismissed }, cancellationToken);

    private async Task SaveAsync(Func<GettingStartedProgress, GettingStartedProgress> change, CancellationToken cancellationToken)
    {
        var current = await settings.GetAsync<GettingStartedProgress>(cancellationToken);
        var changed = change(current);
        if (changed.AddressConfirmed != current.AddressConfirmed || changed.Dismissed != current.Dismissed || !changed.Skipped.SequenceEqual(current.Skipped))
        {
            await settings.SaveAsync(changed, cancellationToken);
        }
    }
}
