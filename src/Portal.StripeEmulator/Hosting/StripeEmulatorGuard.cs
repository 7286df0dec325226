namespace Portal.StripeEmulator.Hosting;

/// <summary>Refuses to start the emulator where it has no business: Production, or with keys that are not test keys.</summary>
internal static class StripeEmulatorGuard
{
    public static void Check(StripeEmulatorOptions options)
    {
        if (string.Equals(options.EnvironmentName, "Production", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                "The Stripe emulator does not run in Production. Configure the portal with the platform's real Stripe keys and leave the emulator off (docs/operations.md, Stripe emulator).");
        }

        if (options.SecretKeys.Count == 0 || options.SecretKeys.Any(k => !k.StartsWith("sk_test_", StringComparison.Ordinal)))
        {
            throw new ArgumentException("The Stripe emulator needs at least one secret key, and only test keys (sk_test_...).", nameof(options));
        }

        if (options.WebhookEndpoints.Any(e => e.Secrets.Count == 0 || e.Secrets.Any(s => !s.StartsWith("whsec_", StringComparison.Ordinal))))
        {
            throw new ArgumentException("Every webhook endpoint needs at least one whsec_ signing secret.", nameof(options));
        }

        if (options.WebhookMaxAttempts < 1)
        {
            throw new ArgumentException("WebhookMaxAttempts must be at least 1.", nameof(options));
        }
    }
}
