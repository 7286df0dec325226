using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Portal.Billing.Payments;

namespace Portal.Billing.Pages.Admin.Billing.SetupPayments;

/// <summary>The addresses Stripe sends the browser back to, made from the page names rather than literal routes.</summary>
internal static class OnboardingPages
{
    public const string Setup = "/Admin/Billing/SetupPayments/Index";
    public const string Refresh = "/Admin/Billing/SetupPayments/Refresh";

    /// <summary>Absolute, on the scheme and host the browser used, so Stripe sends it back to the same practice address.</summary>
    public static OnboardingUrls For(IUrlHelper url, HttpRequest request)
        => new(
            url.Page(Setup, null, null, request.Scheme, request.Host.Value)!,
            url.Page(Refresh, null, null, request.Scheme, request.Host.Value)!);
}
