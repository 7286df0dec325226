using System.Net;
using System.Text.Json.Nodes;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Core.Settings;
using Portal.Core.Storage;
using Portal.Core.Tenancy;
using Portal.Core.Theming;
using Portal.Documents.Services;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Core.Settings;

/// <summary>
/// The practice's logo is a blob in its encrypted store, named by the branding section (not base64
/// inside it): set by a recipe or Customize → Look (CustomizeLookTests), served by /branding/logo with its sandboxing
/// policy, left alone by the documents module's orphan sweep, and moved there from the old base64
/// field at the first start after the upgrade.
/// </summary>
public sealed class BrandingLogoTests(SharedApps apps) : IClassFixture<SharedApps>
{
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    private static string RecipeFolder => Path.Combine(AppContext.BaseDirectory, "recipes");

    private static byte[] DemoLogo => File.ReadAllBytes(Path.Combine(RecipeFolder, "assets", "demo-logo.png"));

    [Theory, BothDatabases]
    public async Task A_recipe_logo_is_an_encrypted_blob_served_with_its_policy_and_kept_by_the_documents_sweep(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();

        await app.RunSettingsStepAsync(practice, "\"branding\": { \"primaryColor\": \"#1d6b5f\", \"logoFile\": \"assets/demo-logo.png\" }", RecipeFolder);

        var row = await BrandingRowAsync(app, practice);
        Assert.Null(row["logoData"]);
        var branding = await app.InPracticeAsync(practice, sp => sp.GetRequiredService<SiteSettingsStore>().GetAsync<BrandingSettings>());
        Assert.Equal("#1d6b5f", branding.PrimaryColor);
        Assert.Equal("image/png", branding.LogoContentType);
        Assert.StartsWith(BrandingLogo.BlobKeyPrefix, branding.LogoBlobKey, StringComparison.Ordinal);
        Assert.Equal(branding.LogoBlobKey, (string?)row["logoBlobKey"]);
        await using (var stored = await app.Get<IBlobBackend>().OpenReadAsync(BlobPath.Create(practice.Name, branding.LogoBlobKey!), default))
        {
            using var raw = new MemoryStream();
            await stored.CopyToAsync(raw);
            Assert.True(raw.ToArray().AsSpan().IndexOf("IHDR"u8) < 0, "The stored logo is not encrypted.");
        }

        var client = app.ClientFor(practice);
        var logoUrl = (await client.GetDocumentAsync("")).QuerySelector<IHtmlImageElement>("img.brand-logo")!.GetAttribute("src")!;
        Assert.Contains("/branding/logo?v=", logoUrl, StringComparison.Ordinal);
        await AssertServedAsync(client, logoUrl.TrimStart('/'), DemoLogo, "image/png");

        // A sweep long after: blobs of the documents module that no row names go, the logo stays.
        await app.InPracticeAsync(practice, sp => ActivatorUtilities.CreateInstance<DocumentMaintenanceHandler>(sp, new ShiftedClock(TimeSpan.FromDays(30))).MaintainAsync(default));
        await AssertServedAsync(client, logoUrl.TrimStart('/'), DemoLogo, "image/png");
    }

    [Theory, BothDatabases]
    public async Task A_logo_kept_as_base64_in_the_settings_is_moved_to_a_blob_at_the_next_start(DatabaseProvider provider)
    {
        await using var data = await TestData.CreateAsync(provider);
        string name;
        await using (var before = PortalApplication.StartOn(data))
        {
            var practice = await before.CreatePracticeAsync();
            name = practice.Name;

            // What the branding section looked like before logos became blobs.
            await before.InPracticeAsync(practice, async sp =>
            {
                var db = sp.GetRequiredService<CoreTenantDbContext>();
                db.Settings.Add(new SettingsRecord
                {
                    Section = BrandingSettings.SectionName,
                    Json = $$"""{"primaryColor":"#1d6b5f","accentColor":"#d9822b","logoContentType":"image/png","logoData":"{{Convert.ToBase64String(Png)}}","hasLogo":true}""",
                    UpdatedAt = DateTime.UtcNow,
                });
                await db.SaveChangesAsync();
            });
            await before.Get<TenantStore>().SetSchemaStampAsync(name, "before-the-upgrade", default);
        }

        await using var after = PortalApplication.StartOn(data);
        var upgraded = after.Get<TenantRegistry>().Find(name)!;

        var row = await BrandingRowAsync(after, upgraded);
        Assert.Null(row["logoData"]);
        var branding = await BrandingAsync(after, upgraded);
        Assert.Equal(("#1d6b5f", "#d9822b", "image/png"), (branding.PrimaryColor, branding.AccentColor, branding.LogoContentType));
        Assert.Equal(branding.LogoBlobKey, (string?)row["logoBlobKey"]);
        await AssertServedAsync(after.ClientFor(upgraded), "branding/logo", Png, "image/png");
        Assert.Equal(after.Get<TenantMigrator>().CurrentStamp(), (await after.Get<TenantStore>().FindAsync(name, default))!.SchemaStamp);
    }

    private static async Task AssertServedAsync(HttpClient client, string path, byte[] expected, string contentType)
    {
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("sandbox", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal(expected, await response.Content.ReadAsByteArrayAsync());
    }

    private static Task<BrandingSettings> BrandingAsync(PortalApplication app, TenantDescriptor practice)
        => app.InPracticeAsync(practice, sp => sp.GetRequiredService<SiteSettingsStore>().GetAsync<BrandingSettings>());

    private static Task<bool> BlobExistsAsync(PortalApplication app, TenantDescriptor practice, string key)
        => app.InPracticeAsync(practice, sp => sp.GetRequiredService<EncryptedBlobStore>().ExistsAsync(key, default));

    private static Task<JsonObject> BrandingRowAsync(PortalApplication app, TenantDescriptor practice)
        => app.InPracticeAsync(practice, async sp => JsonNode.Parse((await sp.GetRequiredService<CoreTenantDbContext>().Settings.AsNoTracking()
            .SingleAsync(s => s.Section == BrandingSettings.SectionName)).Json)!.AsObject());

    private sealed class ShiftedClock(TimeSpan offset) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + offset;
    }
}
