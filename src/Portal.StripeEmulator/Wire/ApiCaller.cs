namespace Portal.StripeEmulator.Wire;

/// <summary>Who is calling the API: the secret key, the connected account it acts for (Stripe-Account) and the parameters.</summary>
internal sealed record ApiCaller(string ApiKey, string? Account, Params Params, string RawBody)
{
    public static ApiCaller Of(HttpContext context) => (ApiCaller)context.Items[typeof(ApiCaller)]!;
}
