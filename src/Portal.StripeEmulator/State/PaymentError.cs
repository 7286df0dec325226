using System.Text.Json.Nodes;

namespace Portal.StripeEmulator.State;

/// <summary>Why a payment attempt failed (a PaymentIntent's last_payment_error).</summary>
internal sealed record PaymentError(string Code, string? DeclineCode, string Message)
{
    public JsonObject ToJson() => new()
    {
        ["type"] = "card_error",
        ["code"] = Code,
        ["decline_code"] = DeclineCode,
        ["message"] = Message,
    };
}
