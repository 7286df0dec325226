using Portal.Core.Errors;

namespace Portal.Billing.Services;

/// <summary>What a Billing service did: the value, or every error found (each at its field).</summary>
public sealed record BillingResult<T>(T? Value, IReadOnlyList<PortalError> Errors)
    where T : class
{
    public bool Succeeded => Errors.Count == 0;
}

public static class BillingResult
{
    public static BillingResult<T> Ok<T>(T value)
        where T : class => new(value, []);

    public static BillingResult<T> Fail<T>(params IReadOnlyList<PortalError> errors)
        where T : class => new(null, errors);
}
