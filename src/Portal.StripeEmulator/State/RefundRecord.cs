using System.Text.Json.Nodes;

namespace Portal.StripeEmulator.State;

/// <summary>A (full or partial) refund of a charge.</summary>
internal sealed class RefundRecord : StripeObject
{
    public RefundRecord(string id, string? account, DateTimeOffset created)
        : base(id, account, created)
    {
    }

    public required long Amount { get; init; }

    public required string Currency { get; init; }

    public required string ChargeId { get; init; }

    public required string PaymentIntentId { get; init; }

    public string? Reason { get; init; }

    public required IReadOnlyDictionary<string, string> Metadata { get; init; }

    public override JsonObject ToJson() => new()
    {
        ["id"] = Id,
        ["object"] = "refund",
        ["amount"] = Amount,
        ["charge"] = ChargeId,
        ["created"] = Created.ToUnixTimeSeconds(),
        ["currency"] = Currency,
        ["metadata"] = MetadataJson(Metadata),
        ["payment_intent"] = PaymentIntentId,
        ["reason"] = Reason,
        ["status"] = "succeeded",
    };
}
