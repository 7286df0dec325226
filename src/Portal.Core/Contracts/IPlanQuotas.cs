namespace Portal.Core.Contracts;

/// <summary>
/// What the current practice's plan allows (the Plans module; with no plans module nothing is limited).
/// A caller checks with <see cref="GetAsync"/> before a person starts (a compose page says "you have used
/// your 5 free requests" before anything is typed, never after) and consumes one unit when the thing is
/// really done. Consuming is atomic, so two parallel sends for the last unit cannot both pass, and keyed
/// by a reference, so a retry of the same send is not counted twice.
/// </summary>
public interface IPlanQuotas
{
    Task<QuotaStatus> GetAsync(PlanQuota quota, CancellationToken cancellationToken = default);

    /// <summary>Consumes one unit for <paramref name="reference"/> (e.g. the request's id); refused, with nothing consumed, at the limit.</summary>
    Task<QuotaStatus> TryConsumeAsync(PlanQuota quota, string reference, CancellationToken cancellationToken = default);

    /// <summary>Gives back the unit of a reference whose work was abandoned (an attachment failed, so nothing was sent).</summary>
    Task ReleaseAsync(PlanQuota quota, string reference, CancellationToken cancellationToken = default);
}

/// <summary>What a plan counts per practice.</summary>
public enum PlanQuota
{
    /// <summary>Secure payment requests sent, per calendar month of the practice (the first few of every practice are free).</summary>
    SecurePaymentRequests,
}

/// <param name="Allowed">Whether one more unit may be used now (after a consume: whether this one was).</param>
/// <param name="Used">Units used in the current period, this one included after a successful consume.</param>
/// <param name="Limit">Units the plan allows in the period; null when unlimited.</param>
/// <param name="Refusal">When not allowed: what to tell the person, naming the limit and what to do.</param>
public sealed record QuotaStatus(bool Allowed, int Used, int? Limit, string? Refusal)
{
    public static QuotaStatus Unlimited(int used) => new(true, used, null, null);
}
