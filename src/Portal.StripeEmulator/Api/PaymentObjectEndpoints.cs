using Portal.StripeEmulator.State;
using Portal.StripeEmulator.Wire;

namespace Portal.StripeEmulator.Api;

/// <summary>Reads of what a payment produced: GET /v1/payment_intents/{id}, /v1/charges/{id}, /v1/balance_transactions/{id}.</summary>
internal static class PaymentObjectEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/v1/payment_intents/{id}", RetrievePaymentIntent);
        api.MapGet("/v1/charges/{id}", RetrieveCharge);
        api.MapGet("/v1/balance_transactions/{id}", RetrieveBalanceTransaction);
    }

    private static IResult RetrievePaymentIntent(HttpContext context, string id, EmulatorStore store)
        => Render<PaymentIntentRecord>(context, id, "payment_intent", store);

    private static IResult RetrieveCharge(HttpContext context, string id, EmulatorStore store)
        => Render<ChargeRecord>(context, id, "charge", store);

    private static IResult RetrieveBalanceTransaction(HttpContext context, string id, EmulatorStore store)
        => Render<BalanceTransactionRecord>(context, id, "balance_transaction", store);

    private static IResult Render<T>(HttpContext context, string id, string what, EmulatorStore store)
        where T : StripeObject
    {
        var caller = ApiCaller.Of(context);
        caller.Params.RejectUnknown();
        var item = store.Find<T>(id, caller.Account) ?? throw StripeApiException.NoSuch(what, id);
        lock (store.Gate)
        {
            return StripeJson.Ok(item.ToJson());
        }
    }
}
