namespace Portal.Tests.StripeEmulator;

/// <summary>Fills in the emulator's hosted checkout form over HTTP, as a browser would submit it.</summary>
internal static class HostedCheckout
{
    public static Task<HttpResponseMessage> PayByCardAsync(HttpClient browser, string sessionUrl, string number, string expiry = "12 / 34", string cvc = "123", string name = "Jane Client")
        => browser.PostAsync(sessionUrl, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["method"] = "card",
            ["number"] = number,
            ["expiry"] = expiry,
            ["cvc"] = cvc,
            ["name"] = name,
            ["email"] = "client@example.com",
        }));

    public static Task<HttpResponseMessage> PayByBankDebitAsync(HttpClient browser, string sessionUrl, string name = "Jane Client")
        => browser.PostAsync(sessionUrl, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["method"] = "bank",
            ["name"] = name,
            ["email"] = "client@example.com",
        }));
}
