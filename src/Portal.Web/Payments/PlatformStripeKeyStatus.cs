using Portal.Billing.Payments;

namespace Portal.Web.Payments;

/// <summary>What the host admin shows of a key: whether it is set there, its last four characters, and whether configuration has one.</summary>
public sealed record PlatformStripeKeyStatus(PlatformStripeKey Key, bool Set, string? LastFour, DateTime? UpdatedAt, bool InConfiguration);
