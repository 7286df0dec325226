using Portal.StripeEmulator.State;
using Portal.StripeEmulator.Wire;

namespace Portal.StripeEmulator.Api;

/// <summary>POST /v1/account_links: a single-use onboarding link that expires after about 300 seconds.</summary>
internal static class AccountLinkEndpoints
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(300);

    public static void Map(IEndpointRouteBuilder api) => api.MapPost("/v1/account_links", Create);

    private static IResult Create(HttpContext context, EmulatorStore store, TimeProvider clock)
    {
        var caller = ApiCaller.Of(context);
        var root = caller.Params.Root;
        var accountId = Params.RequiredText(root, "account", "account");
        var type = Params.OneOf(root, "type", "account_onboarding", "account_update") ?? throw StripeApiException.Missing("type");
        var refreshUrl = Params.RequiredText(root, "refresh_url", "refresh_url");
        var returnUrl = Params.RequiredText(root, "return_url", "return_url");
        Params.OneOf(root, "collect", "currently_due", "eventually_due");
        if (root.Get("collection_options") is { } collection)
        {
            Params.OneOf(collection, "fields", "currently_due", "eventually_due");
            Params.OneOf(collection, "future_requirements", "include", "omit");
        }

        UrlRules.RequireAbsolute(refreshUrl, "refresh_url");
        UrlRules.RequireAbsolute(returnUrl, "return_url");
        caller.Params.RejectUnknown();
        if (caller.Account is not null || store.Find<AccountRecord>(accountId, null) is null)
        {
            throw StripeApiException.NoSuch("account", accountId, "account");
        }

        if (type == "account_update" && store.Find<AccountRecord>(accountId, null) is { DetailsSubmitted: false })
        {
            throw StripeApiException.InvalidRequest("You cannot create `account_update` type Account Links for this account until it has completed onboarding.", "type");
        }

        var now = clock.GetUtcNow();
        var token = StripeIds.New(string.Empty, 32);
        var link = new AccountLinkRecord(token, accountId, now, now + Lifetime, refreshUrl, returnUrl, HostedUrls.Onboarding(context.Request, token));
        store.Add(link);
        return StripeJson.Ok(link.ToJson());
    }
}
