using System.Collections.Frozen;
using System.Text;
using Portal.Core.Settings;
using Portal.Core.Storage;

namespace Portal.Core.Theming;

/// <summary>
/// The practice's logo: its bytes live in the practice's encrypted blob store under a key of their own
/// (<see cref="BlobKeyPrefix"/>, which the documents module's orphan sweep leaves alone, since it only
/// considers version-7 GUID keys), and the branding section names that key. Served by
/// <c>/branding/logo</c>; shown in pages and e-mails.
/// </summary>
public sealed class BrandingLogo(EncryptedBlobStore blobs, SiteSettingsStore settings)
{
    public const int MaxBytes = 512 * 1024;
    public const string BlobKeyPrefix = "settings-branding-logo-";

    public static readonly FrozenDictionary<string, string> ContentTypesByExtension = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".svg"] = "image/svg+xml",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    public static readonly FrozenSet<string> ContentTypes = ContentTypesByExtension.Values.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Where the logo is served, versioned by its blob so browsers may keep it for good: <c>/branding/logo?v=…</c>.</summary>
    public static string PathOf(BrandingSettings branding) => $"/branding/logo?v={branding.LogoBlobKey?[BlobKeyPrefix.Length..]}";

    public static bool IsLogoKey(string key) => key.StartsWith(BlobKeyPrefix, StringComparison.Ordinal) && BlobPath.IsValidKey(key);

    /// <summary>
    /// The content type of a logo file named <paramref name="fileName"/> with these bytes, or what is
    /// wrong with it: too large, not a .png, .jpg or .svg, or content that is not what the name says.
    /// </summary>
    public static (string? ContentType, string? Problem) Check(string fileName, ReadOnlySpan<byte> bytes)
    {
        if (!ContentTypesByExtension.TryGetValue(Path.GetExtension(fileName), out var contentType))
        {
            return (null, "must be a .png, .jpg or .svg file.");
        }

        if (bytes.Length == 0)
        {
            return (null, "is empty.");
        }

        if (bytes.Length > MaxBytes)
        {
            return (null, $"is larger than {MaxBytes / 1024} KB.");
        }

        var matches = contentType switch
        {
            "image/png" => bytes.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G']),
            "image/jpeg" => bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]),
            _ => Encoding.UTF8.GetString(bytes[..Math.Min(bytes.Length, 4096)]).Contains("<svg", StringComparison.Ordinal),
        };
        return matches ? (contentType, null) : (null, $"is not the {Path.GetExtension(fileName).TrimStart('.').ToUpperInvariant()} image its name says.");
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
