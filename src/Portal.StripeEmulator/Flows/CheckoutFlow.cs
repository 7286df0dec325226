using Portal.StripeEmulator.State;
using Portal.StripeEmulator.Webhooks;

namespace Portal.StripeEmulator.Flows;

/// <summary>
/// What happens to a Checkout Session after it is created: the payer pays by card (accepted or declined),
/// or by the delayed bank debit that settles later, or the session expires. Each step changes the
/// objects and publishes the events Stripe would, under the store's lock so no reader sees half of it.
/// </summary>
internal sealed class CheckoutFlow(EmulatorStore store, EventPublisher events, TimeProvider clock)
{
    /// <summary>Stripe's standard Canadian card pricing, recorded as the charge's processing fee.</summary>
    private const decimal StripeRate = 0.029m;
    private const long StripeFixedFee = 30;

    /// <summary>Sessions past expires_at turn expired (with checkout.session.expired) whenever anyone looks.</summary>
    public void ExpireDue()
    {
        var now = clock.GetUtcNow();
        lock (store.Gate)
        {
            foreach (var session in store.Everywhere<CheckoutSessionRecord>())
            {
                if (session.Status == "open" && session.ExpiresAt <= now)
                {
                    Expire(session);
                }
            }
        }
    }

    public void Expire(CheckoutSessionRecord session)
    {
        lock (store.Gate)
        {
            session.Status = "expired";
            if (session.PaymentIntentId is not null && store.Find<PaymentIntentRecord>(session.PaymentIntentId, session.Account) is { Status: "requires_payment_method" } intent)
            {
                intent.Status = "canceled";
            }

            events.Publish("checkout.session.expired", session);
        }
    }

    public CardOutcome PayByCard(CheckoutSessionRecord session, CardDetails card, string? email)
    {
        var outcome = TestCards.Outcome(card.Number);
        lock (store.Gate)
        {
            if (session.Status != "open")
            {
                // A second submit of a page already paid (double click): nothing more is charged.
                return new CardOutcome(null);
            }

            var intent = IntentFor(session);
            intent.PaymentMethodType = "card";
            if (outcome.Error is { } error)
            {
                intent.Status = "requires_payment_method";
                intent.LastPaymentError = error;
                events.Publish("payment_intent.payment_failed", intent);
                return outcome;
            }

            intent.LastPaymentError = null;
            Complete(session, card.Name, email);
            Charge(session, intent, "card", card.Last4, card.Name, email);
            session.PaymentStatus = "paid";
            events.Publish("payment_intent.succeeded", intent);
            events.Publish("checkout.session.completed", session);
            return outcome;
        }
    }

    /// <summary>The delayed method (bank debit): the session completes unpaid; the money comes (or not) later.</summary>
    public void PayDelayed(CheckoutSessionRecord session, string name, string? email)
    {
        lock (store.Gate)
        {
            if (session.Status != "open")
            {
                return;
            }

            var intent = IntentFor(session);
            intent.PaymentMethodType = "acss_debit";
            intent.Status = "processing";
            Complete(session, name, email);
            events.Publish("payment_intent.processing", intent);
            events.Publish("checkout.session.completed", session);
        }
    }

    /// <summary>Settles a delayed payment; false when the session has none waiting.</summary>
    public bool SettleDelayed(CheckoutSessionRecord session, bool succeeded)
    {
        lock (store.Gate)
        {
            var intent = session.PaymentIntentId is null ? null : store.Find<PaymentIntentRecord>(session.PaymentIntentId, session.Account);
            if (intent is not { Status: "processing" })
            {
                return false;
            }

            if (succeeded)
            {
                Charge(session, intent, "acss_debit", null, session.PayerName, session.PayerEmail);
                session.PaymentStatus = "paid";
                events.Publish("payment_intent.succeeded", intent);
                events.Publish("checkout.session.async_payment_succeeded", session);
            }
            else
            {
                intent.Status = "requires_payment_method";
                intent.LastPaymentError = new PaymentError("payment_method_not_available", null, "The bank debit failed (insufficient funds in the account).");
                events.Publish("payment_intent.payment_failed", intent);
                events.Publish("checkout.session.async_payment_failed", session);
            }

            return true;
        }
    }

    private PaymentIntentRecord IntentFor(CheckoutSessionRecord session)
    {
        if (session.PaymentIntentId is not null && store.Find<PaymentIntentRecord>(session.PaymentIntentId, session.Account) is { } existing)
        {
            return existing;
        }

        var intent = new PaymentIntentRecord(StripeIds.New("pi_"), session.Account, clock.GetUtcNow())
        {
            Amount = session.AmountTotal,
            Currency = session.Currency,
            ApplicationFeeAmount = session.ApplicationFeeAmount,
            Description = session.PaymentIntentDescription,
            Metadata = session.PaymentIntentMetadata,
            CheckoutSessionId = session.Id,
        };
        store.Add(intent);
        session.PaymentIntentId = intent.Id;
        return intent;
    }

    private static void Complete(CheckoutSessionRecord session, string name, string? email)
    {
        session.Status = "complete";
        session.PayerName = name;
        session.PayerEmail = email ?? session.CustomerEmail;
    }

    private void Charge(CheckoutSessionRecord session, PaymentIntentRecord intent, string method, string? last4, string? name, string? email)
    {
        var now = clock.GetUtcNow();
        var chargeId = StripeIds.New("ch_");
        var fee = (long)Math.Round(intent.Amount * StripeRate, MidpointRounding.AwayFromZero) + StripeFixedFee;
        var balance = new BalanceTransactionRecord(StripeIds.New("txn_"), session.Account, now)
        {
            Amount = intent.Amount,
            Currency = intent.Currency,
            StripeFee = fee,
            ApplicationFee = intent.ApplicationFeeAmount ?? 0,
            SourceId = chargeId,
        };
        var charge = new ChargeRecord(chargeId, session.Account, now)
        {
            Amount = intent.Amount,
            Currency = intent.Currency,
            PaymentIntentId = intent.Id,
            BalanceTransactionId = balance.Id,
            ApplicationFeeAmount = intent.ApplicationFeeAmount,
            Metadata = intent.Metadata,
            PaymentMethodType = method,
            CardLast4 = last4,
            BillingName = name,
            BillingEmail = email ?? session.CustomerEmail,
        };
        store.Add(balance);
        store.Add(charge);
        intent.Status = "succeeded";
        intent.AmountReceived = intent.Amount;
        intent.LatestChargeId = charge.Id;
    }
}
