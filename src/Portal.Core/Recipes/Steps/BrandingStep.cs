using System.Text.Json.Serialization;
using Portal.Core.LoginWidget;
using Portal.Core.Settings;
using Portal.Core.Theming;

namespace Portal.Core.Recipes.Steps;

/// <summary>
/// <c>{ "name": "branding", "logoFile": "assets/logo.png", "primaryColor": "#1d6b5f", "accentColor": "#d9822b",
/// "company": { "address": "...", "phone": "...", "email": "...", "website": "https://...", "hours": "..." },
/// "switches": { "clientUploads": true, "clientMessages": true, "clientBilling": false, "emailClientsOnSentFiles": true },
/// "widgetOrigins": [ "https://www.example.com" ] }</c>:
/// what the Customize page sets, in one step. Every given value is checked as the page checks it (the logo
/// by its content and the limits of <see cref="BrandingOptions"/>, colors as #rrggbb, the company details by
/// the site section's validator, each widget origin by <see cref="WebsiteOrigin.Parse"/>) before any step
/// runs, and a problem names its field (<c>field 'company.website'</c>, <c>field 'widgetOrigins[1]'</c>).
/// Values not given are kept; a given <c>widgetOrigins</c> replaces the list (an empty list refuses the
/// widget everywhere). The practice's name is not here: setup gives it.
/// </summary>
public sealed class BrandingStep(SiteSettingsStore store, BrandingLogo logo) : RecipeStep<BrandingStep.Model>
{
    private const string WidgetOriginsField = "widgetOrigins";

    public override string Name => "branding";

    protected override IEnumerable<(string Field, string Problem)> Validate(Model model, RecipeStepContext context)
    {
        if (model.PrimaryColor is { } primary && !BrandColor.IsValid(primary))
        {
            yield return ("primaryColor", BrandColor.Expected);
        }

        if (model.AccentColor is { } accent && !BrandColor.IsValid(accent))
        {
            yield return ("accentColor", BrandColor.Expected);
        }

        if (model.Company is { } company)
        {
            foreach (var problem in store.Validate(company.ApplyTo(new SiteSettings())))
            {
                yield return ($"company.{CompanyFields.FieldOf(problem.Field)}", problem.Message);
            }
        }

        if (model.WidgetOrigins is { } origins)
        {
            foreach (var problem in ValidateOrigins(model, origins))
            {
                yield return problem;
            }
        }

        if (model.LogoFile is { } file)
        {
            // Read now, so a missing, disguised or oversized file fails the recipe before any step runs.
            var (bytes, image) = logo.ReadAsset(context, "logoFile", file);
            model.Logo = (bytes, image.ContentType);
        }
    }

    protected override async Task ExecuteAsync(Model model, RecipeStepContext context, CancellationToken cancellationToken)
    {
        var current = await store.GetAsync<BrandingSettings>(cancellationToken);
        var branding = current with
        {
            PrimaryColor = model.PrimaryColor is { } primary ? BrandColor.Normalize(primary, current.Primary) : current.PrimaryColor,
            AccentColor = model.AccentColor is { } accent ? BrandColor.Normalize(accent, current.Accent) : current.AccentColor,
        };
        if (model.Logo is var (bytes, contentType))
        {
            await logo.ReplaceAsync(branding, bytes, contentType, cancellationToken);
        }
        else if (branding != current)
        {
            await store.SaveAsync(branding, cancellationToken);
        }

        if (model.Company is { } company)
        {
            await store.SaveAsync(company.ApplyTo(await store.GetAsync<SiteSettings>(cancellationToken)), cancellationToken);
        }

        if (model.Switches is { } switches)
        {
            await store.SaveAsync(switches.ApplyTo(await store.GetAsync<ClientSiteSwitches>(cancellationToken)), cancellationToken);
        }

        if (model.Origins is { } parsed)
        {
            await store.SaveAsync(await store.GetAsync<LoginWidgetSettings>(cancellationToken) with { Origins = parsed }, cancellationToken);
        }
    }

    /// <summary>Each origin as the Login widget tab reads a line: parsed, written as browsers send it, duplicates once.</summary>
    private IEnumerable<(string Field, string Problem)> ValidateOrigins(Model model, IReadOnlyList<string?> origins)
    {
        if (origins.Count > LoginWidgetSettings.MaxOrigins)
        {
            yield return (WidgetOriginsField, $"may hold at most {LoginWidgetSettings.MaxOrigins} website addresses.");
            yield break;
        }

        var parsed = new List<string>();
        for (var i = 0; i < origins.Count; i++)
        {
            var (origin, problem) = WebsiteOrigin.Parse(origins[i]);
            if (problem is not null)
            {
                yield return ($"{WidgetOriginsField}[{i}]", problem);
                yield break;
            }

            if (!parsed.Contains(origin!, StringComparer.Ordinal))
            {
                parsed.Add(origin!);
            }
        }

        var widget = new LoginWidgetSettings { Origins = parsed };
        foreach (var problem in store.Validate(widget))
        {
            yield return (WidgetOriginsField, problem.Message);
            yield break;
        }

        model.Origins = parsed;
    }

    public sealed class Model
    {
        public string? LogoFile { get; init; }

        public string? PrimaryColor { get; init; }

        public string? AccentColor { get; init; }

        public CompanyFields? Company { get; init; }

        public SwitchFields? Switches { get; init; }

        /// <summary>The practice's websites on which its login widget is accepted (see <see cref="LoginWidgetSettings"/>).</summary>
        public IReadOnlyList<string?>? WidgetOrigins { get; init; }

        /// <summary>The widget origins as checked and normalized while the step is checked.</summary>
        [JsonIgnore]
        internal IReadOnlyList<string>? Origins { get; set; }

        /// <summary>The logo file's bytes and type, read while the step is checked.</summary>
        [JsonIgnore]
        internal (byte[] Bytes, string ContentType)? Logo { get; set; }
    }

    /// <summary>The company details as a recipe names them; each given one replaces the site section's field.</summary>
    public sealed class CompanyFields
    {
        public string? Address { get; init; }

        public string? Phone { get; init; }

        public string? Email { get; init; }

        public string? Website { get; init; }

        public string? Hours { get; init; }

        /// <summary>The recipe's name for a site section field (<c>contactEmail</c> is <c>email</c>).</summary>
        public static string FieldOf(string siteField) => siteField switch
        {
            "contactEmail" => "email",
            "contactPhone" => "phone",
            "websiteUrl" => "website",
            _ => siteField,
        };

        public SiteSettings ApplyTo(SiteSettings site) => site with
        {
            Address = Address ?? site.Address,
            ContactPhone = Phone ?? site.ContactPhone,
            ContactEmail = Email ?? site.ContactEmail,
            WebsiteUrl = Website ?? site.WebsiteUrl,
            Hours = Hours ?? site.Hours,
        };
    }

    /// <summary>The client site switches (<see cref="ClientSiteSwitches"/>) by their section names; each given one replaces the stored one.</summary>
    public sealed class SwitchFields
    {
        public bool? ClientUploads { get; init; }

        public bool? ClientMessages { get; init; }

        public bool? ClientBilling { get; init; }

        public bool? EmailClientsOnSentFiles { get; init; }

        public ClientSiteSwitches ApplyTo(ClientSiteSwitches switches) => switches with
        {
            ClientUploads = ClientUploads ?? switches.ClientUploads,
            ClientMessages = ClientMessages ?? switches.ClientMessages,
            ClientBilling = ClientBilling ?? switches.ClientBilling,
            EmailClientsOnSentFiles = EmailClientsOnSentFiles ?? switches.EmailClientsOnSentFiles,
        };
    }
}
