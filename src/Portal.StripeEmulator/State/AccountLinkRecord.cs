using System.Text.Json.Nodes;

namespace Portal.StripeEmulator.State;

/// <summary>A single-use onboarding link; <see cref="Token"/> is the secret part of its URL.</summary>
internal sealed class AccountLinkRecord : StripeObject
{
    public AccountLinkRecord(string token, string accountId, DateTimeOffset created, DateTimeOffset expiresAt, string refreshUrl, string returnUrl, string url)
        : base(token, null, created)
    {
        AccountId = accountId;
        ExpiresAt = expiresAt;
        RefreshUrl = refreshUrl;
        ReturnUrl = returnUrl;
        Url = url;
    }

    public string Token => Id;

    public string AccountId { get; }

    public DateTimeOffset ExpiresAt { get; }

    public string RefreshUrl { get; }

    public string ReturnUrl { get; }

    public string Url { get; }

    /// <summary>Opened in a browser once: a second visit goes to refresh_url, as Stripe's links are single use.</summary>
    public bool Opened { get; set; }

    public bool Completed { get; set; }

    public override JsonObject ToJson() => new()
    {
        ["object"] = "account_link",
        ["created"] = Created.ToUnixTimeSeconds(),
        ["expires_at"] = ExpiresAt.ToUnixTimeSeconds(),
        ["url"] = Url,
    };
}
