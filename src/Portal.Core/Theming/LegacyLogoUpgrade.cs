using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Core.Data;
using Portal.Core.Settings;

namespace Portal.Core.Theming;

/// <summary>
/// Moves a logo kept the old way, as base64 inside the branding settings (<c>logoData</c>), into the
/// practice's encrypted blob store, and saves the section naming the blob instead. A logo that cannot
/// be read as a .png, .jpg or .svg image is dropped (and logged): the practice shows its name instead.
/// </summary>
internal sealed class LegacyLogoUpgrade(ILogger<LegacyLogoUpgrade> logger) : IPracticeUpgrade
{
    public string Id => "branding-logo-to-blob";

    public async Task RunAsync(IServiceProvider practiceServices, CancellationToken cancellationToken)
    {
        var db = practiceServices.GetRequiredService<CoreTenantDbContext>();
        var row = await db.Settings.AsNoTracking().SingleOrDefaultAsync(s => s.Section == BrandingSettings.SectionName, cancellationToken);
        if (row is null || JsonNode.Parse(row.Json) is not JsonObject json || json["logoData"] is not JsonValue data)
        {
            return;
        }

        var settings = practiceServices.GetRequiredService<SiteSettingsStore>();
        var stored = await settings.GetAsync<BrandingSettings>(cancellationToken);

        // Colors as the pages showed them (a stored one that was not a color showed the default).
        var branding = stored with { PrimaryColor = stored.Primary, AccentColor = stored.Accent, LogoBlobKey = null, LogoContentType = null };
        var contentType = json["logoContentType"]?.GetValue<string>();
        var extension = BrandingLogo.ContentTypesByExtension.FirstOrDefault(t => t.Value == contentType).Key;
        byte[]? bytes;
        try
        {
            bytes = Convert.FromBase64String(data.GetValue<string>());
        }
        catch (FormatException)
        {
            bytes = null;
        }

        if (bytes is null || extension is null || !IsWhatItSays(contentType!, bytes))
        {
            logger.LogWarning("The stored logo could not be read as a .png, .jpg or .svg image and was dropped");
            await settings.SaveAsync(branding, cancellationToken);
            return;
        }

        await practiceServices.GetRequiredService<BrandingLogo>().ReplaceAsync(branding, bytes, contentType!, cancellationToken);
    }

    /// <summary>An old logo is kept as it was accepted then (an SVG too, served sandboxed); only content that is not what its type says is dropped.</summary>
    private static bool IsWhatItSays(string contentType, byte[] bytes)
        => contentType == "image/svg+xml" ? LogoImage.LooksLikeSvg(bytes) : LogoImage.Read(bytes)?.ContentType == contentType;
}
