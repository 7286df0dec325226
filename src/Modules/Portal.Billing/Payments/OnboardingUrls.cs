namespace Portal.Billing.Payments;

/// <summary>Where Stripe sends the browser back: the setup page (return) and the page that mints a new link (refresh).</summary>
public sealed record OnboardingUrls(string ReturnUrl, string RefreshUrl);
