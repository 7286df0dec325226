using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Contracts;
using Portal.Core.Tenancy;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.SecureMail;

/// <summary>
/// Test double of Billing's payment-request payments (the real one is built in parallel by another
/// branch): every practice can take CAD and USD, the fee is 3% of the amount, and Checkout is a
/// made-up address that names the request, so the Pay button's redirect can be checked.
/// </summary>
internal sealed class TestPaymentRequestPayments(TestPaymentRequestCharges charges) : IPaymentRequestPayments
{
    public Task<string?> UnavailableReasonAsync(string currency, CancellationToken cancellationToken = default)
        => Task.FromResult(currency is "CAD" or "USD" ? null : $"The test payments take CAD and USD, not {currency}.");

    public Task<long> FeeAsync(Guid clientId, long amount, string currency, CancellationToken cancellationToken = default)
        => Task.FromResult(amount * 3 / 100);

    public Task<PaymentRequestCheckout> StartCheckoutAsync(PaymentRequestCharge charge, CancellationToken cancellationToken = default)
    {
        charges.Started.Add(charge);
        return Task.FromResult(new PaymentRequestCheckout(new Uri($"https://checkout.test.example/pay/{charge.RequestId}"), null));
    }

    public Task<bool> CloseCheckoutAsync(Guid requestId, CancellationToken cancellationToken = default)
    {
        charges.Closed.Add(requestId);
        return Task.FromResult(true);
    }
}

/// <summary>The charges the test double was asked to start.</summary>
internal sealed class TestPaymentRequestCharges
{
    public ConcurrentBag<PaymentRequestCharge> Started { get; } = [];

    public ConcurrentBag<Guid> Closed { get; } = [];
}

/// <summary>Test double of the plans module's quotas, per practice: a limit a test sets, and the references consumed and released.</summary>
internal sealed class TestPlanQuotas(TenantContext tenant, TestPlanQuotaLedger ledger) : IPlanQuotas
{
    public Task<QuotaStatus> GetAsync(PlanQuota quota, CancellationToken cancellationToken = default)
        => Task.FromResult(Status(ledger.For(tenant.Tenant.Name)));

    public Task<QuotaStatus> TryConsumeAsync(PlanQuota quota, string reference, CancellationToken cancellationToken = default)
    {
        var state = ledger.For(tenant.Tenant.Name);
        lock (state)
        {
            if (!Status(state).Allowed)
            {
                return Task.FromResult(Status(state));
            }

            state.Consumed.Add(reference);
            return Task.FromResult(Status(state) with { Allowed = true });
        }
    }

    public Task ReleaseAsync(PlanQuota quota, string reference, CancellationToken cancellationToken = default)
    {
        var state = ledger.For(tenant.Tenant.Name);
        lock (state)
        {
            if (state.Consumed.Remove(reference))
            {
                state.Released.Add(reference);
            }
        }

        return Task.CompletedTask;
    }

    private static QuotaStatus Status(TestPlanQuotaLedger.Practice state)
        => state.Limit is { } limit && state.Consumed.Count >= limit
            ? new QuotaStatus(false, state.Consumed.Count, limit, $"You have used your {limit} free secure payment requests this month.")
            : new QuotaStatus(true, state.Consumed.Count, state.Limit, null);
}

internal sealed class TestPlanQuotaLedger
{
    private readonly ConcurrentDictionary<string, Practice> _practices = new(StringComparer.Ordinal);

    public Practice For(string practice) => _practices.GetOrAdd(practice, _ => new Practice());

    internal sealed class Practice
    {
        public int? Limit { get; set; }

        public List<string> Consumed { get; } = [];

        public List<string> Released { get; } = [];
    }
}

/// <summary>Apps for the secure e-mail tests: the real SMTP server, and the payments and quota doubles above.</summary>
public sealed class SecureMailApps : SharedApps
{
    protected override void Configure(PortalApplicationOptions options) => options.UseSmtpServer().WithServices(services =>
    {
        services.AddSingleton<TestPaymentRequestCharges>();
        services.AddSingleton<TestPlanQuotaLedger>();
        services.AddScoped<IPaymentRequestPayments, TestPaymentRequestPayments>();
        services.AddScoped<IPlanQuotas, TestPlanQuotas>();
    });
}
