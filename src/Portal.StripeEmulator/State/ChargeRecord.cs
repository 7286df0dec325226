using System.Text.Json.Nodes;

namespace Portal.StripeEmulator.State;

/// <summary>A successful charge of a PaymentIntent, and how much of it was refunded.</summary>
internal sealed class ChargeRecord : StripeObject
{
    public ChargeRecord(string id, string? account, DateTimeOffset created)
        : base(id, account, created)
    {
    }

    public required long Amount { get; init; }

    public required string Currency { get; init; }

    public required string PaymentIntentId { get; init; }

    public required string BalanceTransactionId { get; init; }

    public long? ApplicationFeeAmount { get; init; }

    public required IReadOnlyDictionary<string, string> Metadata { get; init; }

    public required string PaymentMethodType { get; init; }

    public string? CardLast4 { get; init; }

    public string? BillingName { get; init; }

    public string? BillingEmail { get; init; }

    public long AmountRefunded { get; set; }

    public List<string> RefundIds { get; } = [];

    public long Unrefunded => Amount - AmountRefunded;

    public override JsonObject ToJson()
    {
        var methodDetails = new JsonObject { ["type"] = PaymentMethodType };
        if (CardLast4 is not null)
        {
            methodDetails["card"] = new JsonObject { ["brand"] = "visa", ["last4"] = CardLast4, ["funding"] = "credit" };
        }

        return new JsonObject
        {
            ["id"] = Id,
            ["object"] = "charge",
            ["amount"] = Amount,
            ["amount_captured"] = Amount,
            ["amount_refunded"] = AmountRefunded,
            ["application_fee_amount"] = ApplicationFeeAmount,
            ["balance_transaction"] = BalanceTransactionId,
            ["billing_details"] = new JsonObject { ["email"] = BillingEmail, ["name"] = BillingName },
            ["captured"] = true,
            ["created"] = Created.ToUnixTimeSeconds(),
            ["currency"] = Currency,
            ["livemode"] = false,
            ["metadata"] = MetadataJson(Metadata),
            ["paid"] = true,
            ["payment_intent"] = PaymentIntentId,
            ["payment_method_details"] = methodDetails,
            ["refunded"] = AmountRefunded == Amount,
            ["status"] = "succeeded",
        };
    }
}
