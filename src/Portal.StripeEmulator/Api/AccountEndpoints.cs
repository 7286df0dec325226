using Portal.StripeEmulator.State;
using Portal.StripeEmulator.Wire;

namespace Portal.StripeEmulator.Api;

/// <summary>POST/GET /v1/accounts and GET /v1/accounts/{id}: the platform's connected accounts.</summary>
internal static class AccountEndpoints
{
    private static readonly string[] Capabilities = ["card_payments", "transfers", "acss_debit_payments", "klarna_payments"];

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/v1/accounts", Create);
        api.MapGet("/v1/accounts", List);
        api.MapGet("/v1/accounts/{id}", Retrieve);
    }

    private static IResult Create(HttpContext context, EmulatorStore store, TimeProvider clock)
    {
        var caller = PlatformOnly(context);
        var root = caller.Params.Root;
        var type = Params.OneOf(root, "type", "express", "standard", "custom") ?? "standard";
        var country = Params.Text(root, "country") ?? "CA";
        if (country.Length != 2)
        {
            throw StripeApiException.InvalidRequest($"Country '{country}' is unknown. Try using a 2-character alphanumeric country code instead, such as 'US', 'EG', or 'GB'.", "country");
        }

        var email = Params.Text(root, "email");
        var businessName = Params.Text(root.Get("business_profile"), "name");
        Params.OneOf(root, "business_type", "individual", "company", "non_profit", "government_entity");
        var requested = new List<string>();
        if (root.Get("capabilities") is { } capabilities)
        {
            foreach (var (name, value) in capabilities.AsHashShallow())
            {
                if (!Capabilities.Contains(name))
                {
                    throw StripeApiException.InvalidRequest($"Invalid capability: {name}.", value.Path);
                }

                if (Params.Boolean(value, "requested") == true)
                {
                    requested.Add(name);
                }
            }
        }

        var metadata = MetadataRules.Read(root);
        caller.Params.RejectUnknown();

        var account = new AccountRecord(StripeIds.New("acct_", 16), clock.GetUtcNow(), type, country.ToUpperInvariant(), email)
        {
            BusinessName = businessName,
            Metadata = metadata ?? [],
        };
        account.RequestedCapabilities.AddRange(requested);
        store.Add(account);
        return Render(account, store);
    }

    private static IResult Retrieve(HttpContext context, string id, EmulatorStore store)
    {
        var caller = ApiCaller.Of(context);
        caller.Params.RejectUnknown();

        // An account may read itself through Stripe-Account; the platform reads any of its accounts.
        var account = store.Find<AccountRecord>(id, null);
        if (account is null || (caller.Account is not null && caller.Account != id))
        {
            throw StripeApiException.NoSuch("account", id);
        }

        return Render(account, store);
    }

    private static IResult List(HttpContext context, EmulatorStore store)
    {
        var caller = PlatformOnly(context);
        var paging = ListPage.ReadPaging(caller.Params.Root);
        var created = CreatedFilter.Read(caller.Params.Root);
        caller.Params.RejectUnknown();
        var accounts = store.All<AccountRecord>(null).Where(a => created.Matches(a.Created)).ToList();
        return StripeJson.Ok(ListPage.Render(accounts, paging, "/v1/accounts", store));
    }

    private static ApiCaller PlatformOnly(HttpContext context)
    {
        var caller = ApiCaller.Of(context);
        return caller.Account is null
            ? caller
            : throw new StripeApiException(System.Net.HttpStatusCode.Forbidden, "invalid_request_error", "Connected accounts cannot create or list accounts; call without Stripe-Account.");
    }

    private static IResult Render(AccountRecord account, EmulatorStore store)
    {
        lock (store.Gate)
        {
            return StripeJson.Ok(account.ToJson());
        }
    }
}
