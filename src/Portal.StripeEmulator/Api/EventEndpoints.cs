using Portal.StripeEmulator.State;
using Portal.StripeEmulator.Wire;

namespace Portal.StripeEmulator.Api;

/// <summary>GET /v1/events (type, types[], delivery_success, created) and GET /v1/events/{id}: how missed webhooks are found.</summary>
internal static class EventEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/v1/events", List);
        api.MapGet("/v1/events/{id}", Retrieve);
    }

    private static IResult List(HttpContext context, EmulatorStore store)
    {
        var caller = ApiCaller.Of(context);
        var root = caller.Params.Root;
        var paging = ListPage.ReadPaging(root);
        var created = CreatedFilter.Read(root);
        var type = Params.Text(root, "type");
        var types = Params.Strings(root, "types");
        if (type is not null && types.Count > 0)
        {
            throw StripeApiException.InvalidRequest("You may only specify one of these parameters: type, types.", "types");
        }

        if (types.Count > 20)
        {
            throw StripeApiException.InvalidRequest("Invalid types: at most 20 event types.", "types");
        }

        var deliverySuccess = Params.Boolean(root, "delivery_success");
        caller.Params.RejectUnknown();
        List<EventRecord> events;
        lock (store.Gate)
        {
            events = [.. store.All<EventRecord>(caller.Account).Where(e => created.Matches(e.Created)
                && (type is null || TypeMatches(type, e.Type))
                && (types.Count == 0 || types.Any(t => TypeMatches(t, e.Type)))
                && (deliverySuccess is null || e.DeliverySucceeded == deliverySuccess))];
        }

        return StripeJson.Ok(ListPage.Render(events, paging, "/v1/events", store));
    }

    /// <summary>Stripe allows one trailing wildcard: <c>checkout.session.*</c>.</summary>
    private static bool TypeMatches(string pattern, string type)
        => pattern.EndsWith(".*", StringComparison.Ordinal)
            ? type.StartsWith(pattern[..^1], StringComparison.Ordinal)
            : pattern == type;

    private static IResult Retrieve(HttpContext context, string id, EmulatorStore store)
    {
        var caller = ApiCaller.Of(context);
        caller.Params.RejectUnknown();
        var item = store.Find<EventRecord>(id, caller.Account) ?? throw StripeApiException.NoSuch("event", id);
        lock (store.Gate)
        {
            return StripeJson.Ok(item.ToJson());
        }
    }
}
