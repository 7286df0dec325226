using System.Collections.Concurrent;
using Stripe;

namespace Portal.Billing.Payments.Webhooks;

/// <summary>
/// Which practice a connected account belongs to, from the account's metadata (written by
/// <see cref="PayoutAccounts"/> when it created the account, with the platform's key). Read once per account
/// and kept: an account never changes practice.
/// </summary>
public sealed class ConnectedAccountPractices(StripeGateway stripe)
{
    private readonly ConcurrentDictionary<string, Guid> _known = new(StringComparer.Ordinal);

    /// <summary>The practice id, or null when the account names none. Throws what Stripe.net throws when Stripe does not answer.</summary>
    public async Task<Guid?> FindAsync(string account, CancellationToken cancellationToken)
    {
        if (_known.TryGetValue(account, out var practice))
        {
            return practice;
        }

        if (!stripe.IsConfigured)
        {
            return null;
        }

        var read = await new AccountService(stripe.Client).GetAsync(account, null, null, cancellationToken);
        if (read.Metadata?.GetValueOrDefault(StripeMetadataKeys.Practice) is { } text && Guid.TryParse(text, out var id))
        {
            _known[account] = id;
            return id;
        }

        return null;
    }
}
