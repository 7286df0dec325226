namespace Portal.StripeEmulator.Api;

/// <summary>Where the emulator's hosted pages live: the address the API was called on, which the browser reaches too.</summary>
internal static class HostedUrls
{
    public static string Checkout(HttpRequest request, string sessionId) => $"{Origin(request)}/c/pay/{sessionId}";

    public static string Onboarding(HttpRequest request, string token) => $"{Origin(request)}/setup/{token}";

    private static string Origin(HttpRequest request) => $"{request.Scheme}://{request.Host}";
}
