using System.Text.Json.Nodes;

namespace Portal.StripeEmulator.State;

/// <summary>A connected account (a practice's Stripe account).</summary>
internal sealed class AccountRecord : StripeObject
{
    /// <summary>What a new account still has to give before it can take payments (as Stripe lists it).</summary>
    public static readonly IReadOnlyList<string> InitialRequirements =
        ["business_profile.url", "external_account", "representative.first_name", "tos_acceptance.date", "tos_acceptance.ip"];

    public AccountRecord(string id, DateTimeOffset created, string type, string country, string? email)
        : base(id, null, created)
    {
        Type = type;
        Country = country;
        Email = email;
    }

    public string Type { get; }

    public string Country { get; }

    public string? Email { get; }

    public string? BusinessName { get; set; }

    public bool ChargesEnabled { get; set; }

    public bool PayoutsEnabled { get; set; }

    public bool DetailsSubmitted { get; set; }

    public List<string> CurrentlyDue { get; set; } = [.. InitialRequirements];

    public List<string> RequestedCapabilities { get; } = [];

    public Dictionary<string, string> Metadata { get; set; } = [];

    /// <summary>The name the hosted pages show the payer.</summary>
    public string DisplayName => BusinessName ?? Email ?? Id;

    public override JsonObject ToJson()
    {
        var capabilities = new JsonObject();
        foreach (var capability in RequestedCapabilities)
        {
            capabilities[capability] = ChargesEnabled ? "active" : "inactive";
        }

        return new JsonObject
        {
            ["id"] = Id,
            ["object"] = "account",
            ["business_profile"] = new JsonObject { ["name"] = BusinessName },
            ["business_type"] = "company",
            ["capabilities"] = capabilities,
            ["charges_enabled"] = ChargesEnabled,
            ["country"] = Country,
            ["created"] = Created.ToUnixTimeSeconds(),
            ["default_currency"] = Country == "US" ? "usd" : "cad",
            ["details_submitted"] = DetailsSubmitted,
            ["email"] = Email,
            ["metadata"] = MetadataJson(Metadata),
            ["payouts_enabled"] = PayoutsEnabled,
            ["requirements"] = new JsonObject
            {
                ["currently_due"] = new JsonArray([.. CurrentlyDue.Select(d => (JsonNode?)d)]),
                ["eventually_due"] = new JsonArray([.. CurrentlyDue.Select(d => (JsonNode?)d)]),
                ["past_due"] = new JsonArray(),
                ["pending_verification"] = new JsonArray(),
                ["errors"] = new JsonArray(),
                ["disabled_reason"] = ChargesEnabled ? null : "requirements.past_due",
            },
            ["type"] = Type,
        };
    }
}
