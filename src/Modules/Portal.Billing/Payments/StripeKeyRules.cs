using Portal.Core.Errors;

namespace Portal.Billing.Payments;

/// <summary>
/// What a platform Stripe key must look like before it is stored: the right prefix for its kind, and the
/// same mode (test or live) as the other key it works with. Messages never repeat the value.
/// </summary>
public static class StripeKeyRules
{
    public const int MaxLength = 255;

    /// <param name="otherKey">The other key in force (the publishable key for a secret key and back); null when none.</param>
    public static PortalError? Check(PlatformStripeKey key, string value, string? otherKey)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length > MaxLength || value.Any(char.IsWhiteSpace))
        {
            return Invalid("A Stripe key is one word of at most 255 characters: copy it again from Stripe's dashboard.");
        }

        switch (key)
        {
            case PlatformStripeKey.SecretKey when !value.StartsWith("sk_test_", StringComparison.Ordinal) && !value.StartsWith("sk_live_", StringComparison.Ordinal):
                return Invalid("A secret key starts with sk_test_ or sk_live_.");
            case PlatformStripeKey.PublishableKey when !value.StartsWith("pk_test_", StringComparison.Ordinal) && !value.StartsWith("pk_live_", StringComparison.Ordinal):
                return Invalid("A publishable key starts with pk_test_ or pk_live_.");
            case PlatformStripeKey.WebhookSecret when !value.StartsWith("whsec_", StringComparison.Ordinal) || value.Length <= "whsec_".Length:
                return Invalid("A webhook signing secret starts with whsec_.");
        }

        if (key != PlatformStripeKey.WebhookSecret && otherKey is not null && Mode(otherKey) is { } other && Mode(value) != other)
        {
            return Invalid($"This key is for {Mode(value)} mode but the {(key == PlatformStripeKey.SecretKey ? "publishable" : "secret")} key in force is for {other} mode: set keys of the same mode.");
        }

        return null;
    }

    /// <summary>"test" or "live" for a secret or publishable key; null for anything else.</summary>
    public static string? Mode(string key) => key.Length > 8 && key[2] == '_' ? key[3..7] switch
    {
        "test" when key[7] == '_' => "test",
        "live" when key[7] == '_' => "live",
        _ => null,
    } : null;

    private static PortalError Invalid(string message) => new("stripe-key-invalid", ErrorKind.Invalid, message, "Value");
}
