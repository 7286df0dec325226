using System.Text.Json.Nodes;
using Portal.StripeEmulator.State;
using Portal.StripeEmulator.Webhooks;
using Portal.StripeEmulator.Wire;

namespace Portal.StripeEmulator.Flows;

/// <summary>Refunds a charge in full or in part; partial refunds add up to at most the charge.</summary>
internal sealed class RefundFlow(EmulatorStore store, EventPublisher events, TimeProvider clock)
{
    public RefundRecord Refund(ChargeRecord charge, long? amount, string? reason, Dictionary<string, string> metadata)
    {
        lock (store.Gate)
        {
            if (charge.Unrefunded == 0)
            {
                throw StripeApiException.InvalidRequest($"Charge {charge.Id} has already been refunded.", code: "charge_already_refunded");
            }

            var refundAmount = amount ?? charge.Unrefunded;
            if (refundAmount > charge.Unrefunded)
            {
                throw StripeApiException.InvalidRequest(
                    $"Refund amount ({refundAmount}) is greater than unrefunded amount on charge ({charge.Unrefunded}).", "amount", "amount_too_large");
            }

            var refund = new RefundRecord(StripeIds.New("re_"), charge.Account, clock.GetUtcNow())
            {
                Amount = refundAmount,
                Currency = charge.Currency,
                ChargeId = charge.Id,
                PaymentIntentId = charge.PaymentIntentId,
                Reason = reason,
                Metadata = metadata,
            };
            var previous = new JsonObject { ["amount_refunded"] = charge.AmountRefunded, ["refunded"] = charge.AmountRefunded == charge.Amount };
            store.Add(refund);
            charge.AmountRefunded += refundAmount;
            charge.RefundIds.Add(refund.Id);
            events.Publish("charge.refunded", charge, previous);
            return refund;
        }
    }
}
