using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.DataProtection;
using Portal.Core.Tenancy;

namespace Portal.Core.Mail;

/// <summary>
/// Keeps a draft's secrets out of the outbox copy. Before a message is stored, each secret in its
/// bodies is replaced by a marker and the secrets are sealed with the practice's data protection; the
/// sender opens them to send the real e-mail and drops them once it has gone, so the stored copy never
/// again holds a working link. Every view of a stored copy goes through <see cref="Mask"/>. In the HTML
/// part a secret may appear as the template's HTML encoder wrote it (a token with '+' or '&amp;'), so that
/// spelling is sealed too, and restored as it was.
/// </summary>
public sealed partial class OutboxSecrets(IDataProtectionProvider protection, TenantContext tenantContext)
{
    public const string Masked = "••••••••";

    /// <summary>The bodies with markers in place of the secrets, and the sealed secrets (null when there are none).</summary>
    public (string Html, string Text, string? Sealed) Seal(MailDraft draft)
    {
        if (draft.Secrets.Count == 0)
        {
            return (draft.HtmlBody, draft.TextBody, null);
        }

        var nonce = Guid.NewGuid().ToString("N");
        var html = draft.HtmlBody;
        var text = draft.TextBody;
        for (var i = 0; i < draft.Secrets.Count; i++)
        {
            var secret = draft.Secrets[i];
            if (secret.Length == 0)
            {
                continue;
            }

            var marker = Marker(nonce, i);
            var encoded = MailTemplateRenderer.EncodeHtml(secret);
            if (encoded != secret)
            {
                html = html.Replace(encoded, EncodedMarker(nonce, i), StringComparison.Ordinal);
            }

            html = html.Replace(secret, marker, StringComparison.Ordinal);
            text = text.Replace(secret, marker, StringComparison.Ordinal);
        }

        var payload = JsonSerializer.Serialize(new SealedSecrets(nonce, draft.Secrets));
        return (html, text, Protector().Protect(payload));
    }

    /// <summary>The body as it is sent: markers replaced by the sealed secrets.</summary>
    public string Open(string body, string? sealedSecrets)
    {
        if (sealedSecrets is null)
        {
            return body;
        }

        var secrets = JsonSerializer.Deserialize<SealedSecrets>(Protector().Unprotect(sealedSecrets))
            ?? throw new InvalidOperationException("The message's secrets could not be read.");
        for (var i = 0; i < secrets.Values.Count; i++)
        {
            body = body
                .Replace(EncodedMarker(secrets.Nonce, i), MailTemplateRenderer.EncodeHtml(secrets.Values[i]), StringComparison.Ordinal)
                .Replace(Marker(secrets.Nonce, i), secrets.Values[i], StringComparison.Ordinal);
        }

        return body;
    }

    /// <summary>A stored body as staff may see it: every secret shown as <see cref="Masked"/>.</summary>
    public static string Mask(string body) => MarkerPattern().Replace(body, Masked);

    private IDataProtector Protector() => protection.CreateProtector("Portal.Mail.OutboxSecrets", tenantContext.Tenant.Name);

    private static string Marker(string nonce, int index) => $"{{{{secret:{nonce}:{index}}}}}";

    private static string EncodedMarker(string nonce, int index) => $"{{{{secret:{nonce}:{index}:html}}}}";

    [GeneratedRegex(@"\{\{secret:[0-9a-f]{32}:\d+(:html)?\}\}")]
    private static partial Regex MarkerPattern();

    private sealed record SealedSecrets(string Nonce, IReadOnlyList<string> Values);
}
