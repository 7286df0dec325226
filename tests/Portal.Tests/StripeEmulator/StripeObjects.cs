using Stripe;
using Stripe.Checkout;

namespace Portal.Tests.StripeEmulator;

/// <summary>Creates what the tests pay with, through Stripe.net exactly as the portal will call it.</summary>
internal static class StripeObjects
{
    public static Task<Account> OnboardedLaterAccountAsync(StripeClient stripe, string name = "Maple & Co. CPA")
        => new AccountService(stripe).CreateAsync(new AccountCreateOptions
        {
            Type = "express",
            Country = "CA",
            Email = "billing@maple.example",
            BusinessProfile = new AccountBusinessProfileOptions { Name = name },
            Capabilities = new AccountCapabilitiesOptions
            {
                CardPayments = new AccountCapabilitiesCardPaymentsOptions { Requested = true },
                Transfers = new AccountCapabilitiesTransfersOptions { Requested = true },
            },
        });

    public static SessionCreateOptions InvoiceSession(long amount = 10050, string invoice = "INV-42") => new()
    {
        Mode = "payment",
        SuccessUrl = "https://portal.example/pay/done?session={CHECKOUT_SESSION_ID}",
        CancelUrl = "https://portal.example/pay/cancelled",
        CustomerEmail = "client@example.com",
        ClientReferenceId = invoice,
        Metadata = new Dictionary<string, string> { ["invoice_id"] = invoice },
        LineItems =
        [
            new SessionLineItemOptions
            {
                Quantity = 1,
                PriceData = new SessionLineItemPriceDataOptions
                {
                    Currency = "cad",
                    UnitAmount = amount,
                    ProductData = new SessionLineItemPriceDataProductDataOptions { Name = $"Invoice {invoice}" },
                },
            },
        ],
        PaymentIntentData = new SessionPaymentIntentDataOptions
        {
            Metadata = new Dictionary<string, string> { ["invoice_id"] = invoice },
        },
    };

    public static RequestOptions On(string account, string? idempotencyKey = null)
        => new() { StripeAccount = account, IdempotencyKey = idempotencyKey };
}
