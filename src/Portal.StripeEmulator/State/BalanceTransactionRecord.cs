using System.Text.Json.Nodes;

namespace Portal.StripeEmulator.State;

/// <summary>The money movement of a charge: Stripe's processing fee and the platform's application fee.</summary>
internal sealed class BalanceTransactionRecord : StripeObject
{
    public BalanceTransactionRecord(string id, string? account, DateTimeOffset created)
        : base(id, account, created)
    {
    }

    public required long Amount { get; init; }

    public required string Currency { get; init; }

    public required long StripeFee { get; init; }

    public long ApplicationFee { get; init; }

    public required string SourceId { get; init; }

    public override JsonObject ToJson()
    {
        var details = new JsonArray(new JsonObject { ["amount"] = StripeFee, ["currency"] = Currency, ["type"] = "stripe_fee", ["description"] = "Stripe processing fees" });
        if (ApplicationFee > 0)
        {
            details.Add(new JsonObject { ["amount"] = ApplicationFee, ["currency"] = Currency, ["type"] = "application_fee", ["description"] = "Application fee" });
        }

        return new JsonObject
        {
            ["id"] = Id,
            ["object"] = "balance_transaction",
            ["amount"] = Amount,
            ["created"] = Created.ToUnixTimeSeconds(),
            ["currency"] = Currency,
            ["fee"] = StripeFee + ApplicationFee,
            ["fee_details"] = details,
            ["net"] = Amount - StripeFee - ApplicationFee,
            ["source"] = SourceId,
            ["status"] = "available",
            ["type"] = "charge",
        };
    }
}
