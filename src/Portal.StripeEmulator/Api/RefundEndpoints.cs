using Portal.StripeEmulator.Flows;
using Portal.StripeEmulator.State;
using Portal.StripeEmulator.Wire;

namespace Portal.StripeEmulator.Api;

/// <summary>POST /v1/refunds (payment_intent or charge; amount defaults to what is left), GET /v1/refunds (filtered by charge or payment_intent) and GET /v1/refunds/{id}.</summary>
internal static class RefundEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/v1/refunds", Create);
        api.MapGet("/v1/refunds", List);
        api.MapGet("/v1/refunds/{id}", Retrieve);
    }

    private static IResult List(HttpContext context, EmulatorStore store)
    {
        var caller = ApiCaller.Of(context);
        var root = caller.Params.Root;
        var paging = ListPage.ReadPaging(root);
        var created = CreatedFilter.Read(root);
        var chargeId = Params.Text(root, "charge");
        var paymentIntentId = Params.Text(root, "payment_intent");
        caller.Params.RejectUnknown();
        var refunds = store.All<RefundRecord>(caller.Account)
            .Where(r => created.Matches(r.Created)
                && (chargeId is null || r.ChargeId == chargeId)
                && (paymentIntentId is null || r.PaymentIntentId == paymentIntentId))
            .ToList();
        return StripeJson.Ok(ListPage.Render(refunds, paging, "/v1/refunds", store));
    }

    private static IResult Create(HttpContext context, EmulatorStore store, RefundFlow refunds)
    {
        var caller = ApiCaller.Of(context);
        var root = caller.Params.Root;
        var paymentIntentId = Params.Text(root, "payment_intent");
        var chargeId = Params.Text(root, "charge");
        var amount = Params.Integer(root, "amount");
        var reason = Params.OneOf(root, "reason", "duplicate", "fraudulent", "requested_by_customer");
        var metadata = MetadataRules.Read(root) ?? [];
        caller.Params.RejectUnknown();
        if (amount is <= 0)
        {
            throw StripeApiException.InvalidRequest("Invalid positive integer: amount must be at least 1.", "amount");
        }

        var charge = FindCharge(store, caller.Account, paymentIntentId, chargeId);
        var refund = refunds.Refund(charge, amount, reason, metadata);
        lock (store.Gate)
        {
            return StripeJson.Ok(refund.ToJson());
        }
    }

    private static ChargeRecord FindCharge(EmulatorStore store, string? account, string? paymentIntentId, string? chargeId)
    {
        if (paymentIntentId is null == chargeId is null)
        {
            throw paymentIntentId is null
                ? StripeApiException.InvalidRequest("One of the following params should be provided for this request: payment_intent or charge.", "payment_intent", "parameter_missing")
                : StripeApiException.InvalidRequest("You may only specify one of these parameters: payment_intent, charge.", "charge");
        }

        if (chargeId is not null)
        {
            return store.Find<ChargeRecord>(chargeId, account) ?? throw StripeApiException.NoSuch("charge", chargeId, "charge");
        }

        var intent = store.Find<PaymentIntentRecord>(paymentIntentId!, account) ?? throw StripeApiException.NoSuch("payment_intent", paymentIntentId!, "payment_intent");
        if (intent.LatestChargeId is null || store.Find<ChargeRecord>(intent.LatestChargeId, account) is not { } charge)
        {
            throw StripeApiException.InvalidRequest($"This PaymentIntent ({intent.Id}) does not have a successful charge to refund.", "payment_intent", "charge_not_refundable");
        }

        return charge;
    }

    private static IResult Retrieve(HttpContext context, string id, EmulatorStore store)
    {
        var caller = ApiCaller.Of(context);
        caller.Params.RejectUnknown();
        var refund = store.Find<RefundRecord>(id, caller.Account) ?? throw StripeApiException.NoSuch("refund", id);
        lock (store.Gate)
        {
            return StripeJson.Ok(refund.ToJson());
        }
    }
}
