namespace Portal.Billing.Payments.Webhooks;

/// <summary>The payload of <see cref="StripeEventJobHandler"/>: a stored event of the job's practice.</summary>
public sealed record StripeEventJob(string EventId);
