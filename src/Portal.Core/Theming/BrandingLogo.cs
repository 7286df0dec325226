using System.Collections.Frozen;
using Microsoft.Extensions.Options;
using Portal.Core.Settings;
using Portal.Core.Storage;

namespace Portal.Core.Theming;

/// <summary>
/// The practice's logo: its bytes live in the practice's encrypted blob store under a key of their own
/// (<see cref="BlobKeyPrefix"/>, which the documents module's orphan sweep leaves alone, since it only
/// considers version-7 GUID keys), and the branding section names that key. Served by
/// <c>/branding/logo</c>; shown in pages and e-mails. A new logo is a PNG or JPEG within
/// <see cref="BrandingOptions"/>' limits, judged from its header (<see cref="LogoImage"/>), not its name.
/// </summary>
public sealed class BrandingLogo(EncryptedBlobStore blobs, SiteSettingsStore settings, IOptions<BrandingOptions> options)
{
    public const string BlobKeyPrefix = "settings-branding-logo-";

    /// <summary>What the file picker offers; the server judges the content whatever the name.</summary>
    public const string Accept = ".png,.jpg,.jpeg,image/png,image/jpeg";

    /// <summary>Types older versions stored (an SVG then was allowed): still served, sandboxed, until replaced.</summary>
    public static readonly FrozenDictionary<string, string> ContentTypesByExtension = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".png"] = LogoImage.Png,
        [".jpg"] = LogoImage.Jpeg,
        [".jpeg"] = LogoImage.Jpeg,
        [".svg"] = "image/svg+xml",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    public static readonly FrozenSet<string> ContentTypes = ContentTypesByExtension.Values.ToFrozenSet(StringComparer.Ordinal);

    public BrandingOptions Limits => options.Value;

    /// <summary>Where the logo is served, versioned by its blob so browsers may keep it for good: <c>/branding/logo?v=…</c>.</summary>
    public static string PathOf(BrandingSettings branding) => $"/branding/logo?v={branding.LogoBlobKey?[BlobKeyPrefix.Length..]}";

    public static bool IsLogoKey(string key) => key.StartsWith(BlobKeyPrefix, StringComparison.Ordinal) && BlobPath.IsValidKey(key);

    /// <summary>What is wrong with a file of <paramref name="length"/> bytes before it is read, or null.</summary>
    public string? CheckLength(long length) => LogoRules.CheckLength(length, Limits);

    /// <summary>The logo in <paramref name="bytes"/>, or what is wrong with it (<see cref="LogoRules.Check"/>).</summary>
    public (LogoImage? Image, string? Problem) Check(ReadOnlySpan<byte> bytes) => LogoRules.Check(bytes, Limits);

    /// <summary>
    /// Reads a logo file a recipe names (next to the recipe) and checks it as an upload is checked;
    /// throws <see cref="Recipes.RecipeStepException"/> at <paramref name="field"/> otherwise.
    /// </summary>
    public (byte[] Bytes, LogoImage Image) ReadAsset(Recipes.RecipeStepContext context, string field, string relativePath)
    {
        var path = context.ResolveAsset(field, relativePath);
        if (CheckLength(new FileInfo(path).Length) is { } tooLarge)
        {
            throw new Recipes.RecipeStepException(field, $"'{relativePath}' {tooLarge}");
        }

        var bytes = File.ReadAllBytes(path);
        var (image, problem) = Check(bytes);
        return image is not null ? (bytes, image) : throw new Recipes.RecipeStepException(field, $"'{relativePath}' {problem}");
    }

    /// <summary>Stores the bytes of a new logo (checked by <see cref="Check"/>) and returns its blob key, for the branding section to name.</summary>
    public async Task<string> StoreAsync(byte[] bytes, CancellationToken cancellationToken)
    {
        var key = BlobKeyPrefix + blobs.NewBlobKey();
        using var content = new MemoryStream(bytes, writable: false);
        await blobs.WriteAsync(key, content, cancellationToken);
        return key;
    }

    /// <summary>Removes a logo the branding section no longer names (after the section was saved).</summary>
    public Task DeleteAsync(string? blobKey, CancellationToken cancellationToken)
        => blobKey is not null && IsLogoKey(blobKey) ? blobs.DeleteAsync(blobKey, cancellationToken) : Task.CompletedTask;

    /// <summary>The current logo's bytes and type, or null when the practice has none.</summary>
    public async Task<(Stream Content, string ContentType)?> OpenAsync(CancellationToken cancellationToken)
    {
        var branding = await settings.GetAsync<BrandingSettings>(cancellationToken);
        if (!branding.HasLogo || !IsLogoKey(branding.LogoBlobKey!))
        {
            return null;
        }

        try
        {
            return (await blobs.OpenReadAsync(branding.LogoBlobKey!, null, cancellationToken), branding.LogoContentType!);
        }
        catch (BlobNotFoundException)
        {
            return null;
        }
    }

    /// <summary>
    /// Replaces the logo: stores the new bytes, saves the section naming them, then removes the old
    /// bytes. Returns the section as saved.
    /// </summary>
    public async Task<BrandingSettings> ReplaceAsync(BrandingSettings branding, byte[] bytes, string contentType, CancellationToken cancellationToken)
    {
        var saved = branding with { LogoBlobKey = await StoreAsync(bytes, cancellationToken), LogoContentType = contentType };
        await settings.SaveAsync(saved, cancellationToken);
        await DeleteAsync(branding.LogoBlobKey, cancellationToken);
        return saved;
    }

    /// <summary>Saves <paramref name="branding"/> without a logo and removes the old bytes.</summary>
    public async Task<BrandingSettings> RemoveAsync(BrandingSettings branding, CancellationToken cancellationToken)
    {
        var saved = branding with { LogoBlobKey = null, LogoContentType = null };
        await settings.SaveAsync(saved, cancellationToken);
        await DeleteAsync(branding.LogoBlobKey, cancellationToken);
        return saved;
    }
}
