using System.Security.Cryptography;
using System.Text;

namespace Portal.StripeEmulator.Webhooks;

/// <summary>Stripe-Signature: <c>t=unix,v1=hex[,v1=hex]</c>, HMAC-SHA256 of <c>t.body</c> keyed with the whole whsec_ string, one v1 per secret.</summary>
internal static class WebhookSignature
{
    public static string Header(long timestamp, string body, IEnumerable<string> secrets)
    {
        var payload = Encoding.UTF8.GetBytes($"{timestamp}.{body}");
        var signatures = secrets.Select(secret =>
            "v1=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), payload)));
        return $"t={timestamp}," + string.Join(',', signatures);
    }
}
