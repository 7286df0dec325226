using Portal.StripeEmulator.Flows;
using Portal.StripeEmulator.State;
using Portal.StripeEmulator.Wire;

namespace Portal.StripeEmulator.Api;

/// <summary>Checkout Sessions: create, retrieve, list, expire.</summary>
internal static class CheckoutSessionEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/v1/checkout/sessions", Create);
        api.MapGet("/v1/checkout/sessions", List);
        api.MapGet("/v1/checkout/sessions/{id}", Retrieve);
        api.MapPost("/v1/checkout/sessions/{id}/expire", Expire);
    }

    private static IResult Create(HttpContext context, EmulatorStore store, TimeProvider clock)
    {
        var caller = ApiCaller.Of(context);
        var now = clock.GetUtcNow();
        var request = CheckoutSessionRequest.Read(caller.Params, caller.Account, now);
        var id = StripeIds.New("cs_test_", 58);
        var session = new CheckoutSessionRecord(id, caller.Account, now)
        {
            Currency = request.Currency,
            LineItems = request.LineItems,
            SuccessUrl = request.SuccessUrl,
            CancelUrl = request.CancelUrl,
            CustomerEmail = request.CustomerEmail,
            ClientReferenceId = request.ClientReferenceId,
            Metadata = request.Metadata,
            PaymentIntentMetadata = request.PaymentIntentMetadata,
            ApplicationFeeAmount = request.ApplicationFeeAmount,
            PaymentIntentDescription = request.Description,
            ExpiresAt = request.ExpiresAt,
            AllowedPaymentMethodTypes = request.AllowedPaymentMethodTypes,
            Url = HostedUrls.Checkout(context.Request, id),
        };
        store.Add(session);
        return Render(session, store);
    }

    private static IResult Retrieve(HttpContext context, string id, EmulatorStore store, CheckoutFlow flow)
    {
        var caller = ApiCaller.Of(context);
        caller.Params.RejectUnknown();
        flow.ExpireDue();
        var session = store.Find<CheckoutSessionRecord>(id, caller.Account) ?? throw StripeApiException.NoSuch("checkout.session", id);
        return Render(session, store);
    }

    private static IResult List(HttpContext context, EmulatorStore store, CheckoutFlow flow)
    {
        var caller = ApiCaller.Of(context);
        var root = caller.Params.Root;
        var paging = ListPage.ReadPaging(root);
        var created = CreatedFilter.Read(root);
        var status = Params.OneOf(root, "status", "open", "complete", "expired");
        var paymentIntent = Params.Text(root, "payment_intent");
        var email = Params.Text(root.Get("customer_details"), "email");
        caller.Params.RejectUnknown();
        flow.ExpireDue();
        var sessions = store.All<CheckoutSessionRecord>(caller.Account)
            .Where(s => created.Matches(s.Created)
                && (status is null || s.Status == status)
                && (paymentIntent is null || s.PaymentIntentId == paymentIntent)
                && (email is null || s.PayerEmail == email))
            .ToList();
        return StripeJson.Ok(ListPage.Render(sessions, paging, "/v1/checkout/sessions", store));
    }

    private static IResult Expire(HttpContext context, string id, EmulatorStore store, CheckoutFlow flow)
    {
        var caller = ApiCaller.Of(context);
        caller.Params.RejectUnknown();
        flow.ExpireDue();
        var session = store.Find<CheckoutSessionRecord>(id, caller.Account) ?? throw StripeApiException.NoSuch("checkout.session", id);
        lock (store.Gate)
        {
            if (session.Status != "open")
            {
                throw StripeApiException.InvalidRequest($"Only Checkout Sessions with a status in [\"open\"] can be expired. This Checkout Session has a status of \"{session.Status}\".", code: "checkout_session_not_open");
            }

            flow.Expire(session);
        }

        return Render(session, store);
    }

    private static IResult Render(CheckoutSessionRecord session, EmulatorStore store)
    {
        lock (store.Gate)
        {
            return StripeJson.Ok(session.ToJson());
        }
    }
}
