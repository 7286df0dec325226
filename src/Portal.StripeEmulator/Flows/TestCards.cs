using Portal.StripeEmulator.State;

namespace Portal.StripeEmulator.Flows;

/// <summary>Stripe's documented test card numbers and what each does; any other number is refused as in test mode.</summary>
internal static class TestCards
{
    private static readonly Dictionary<string, CardOutcome> Outcomes = new(StringComparer.Ordinal)
    {
        ["4242424242424242"] = new(null),
        ["4000056655665556"] = new(null),
        ["5555555555554444"] = new(null),
        ["4000001240000000"] = new(null),
        ["4000000000000002"] = new(new PaymentError("card_declined", "generic_decline", "Your card was declined.")),
        ["4000000000009995"] = new(new PaymentError("card_declined", "insufficient_funds", "Your card has insufficient funds.")),
        ["4000000000009987"] = new(new PaymentError("card_declined", "lost_card", "Your card was declined.")),
        ["4000000000000069"] = new(new PaymentError("expired_card", null, "Your card has expired.")),
        ["4000000000000127"] = new(new PaymentError("incorrect_cvc", null, "Your card's security code is incorrect.")),
    };

    private static readonly CardOutcome NotATestCard = new(new PaymentError("card_declined", "test_mode_live_card",
        "Your card was declined. Your request was in test mode, but used a non test card. For a list of valid test cards, visit: https://stripe.com/docs/testing."));

    public static CardOutcome Outcome(string digits) => Outcomes.TryGetValue(digits, out var outcome) ? outcome : NotATestCard;
}
