using Portal.StripeEmulator.State;
using Portal.StripeEmulator.Wire;

namespace Portal.StripeEmulator.Api;

/// <summary>Reads and checks POST /v1/checkout/sessions parameters (mode=payment with price_data line items).</summary>
internal sealed class CheckoutSessionRequest
{
    public static readonly TimeSpan MinLifetime = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromHours(24);
    private static readonly string[] PaymentMethodTypes = ["card", "acss_debit", "klarna", "link"];

    public required string Currency { get; init; }

    public required List<LineItem> LineItems { get; init; }

    public required string SuccessUrl { get; init; }

    public string? CancelUrl { get; init; }

    public string? CustomerEmail { get; init; }

    public string? ClientReferenceId { get; init; }

    public required Dictionary<string, string> Metadata { get; init; }

    public required Dictionary<string, string> PaymentIntentMetadata { get; init; }

    public long? ApplicationFeeAmount { get; init; }

    public string? Description { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }

    public IReadOnlyList<string>? AllowedPaymentMethodTypes { get; init; }

    public static CheckoutSessionRequest Read(Params parameters, string? account, DateTimeOffset now)
    {
        var root = parameters.Root;
        if (root.Get("payment_method_types") is not null)
        {
            // Removed in the endive API versions: Stripe answers as for any parameter it does not know.
            throw new StripeApiException(System.Net.HttpStatusCode.BadRequest, "invalid_request_error",
                $"Received unknown parameter: payment_method_types. This parameter was removed in API version {StripeApiVersion.Current}; use allowed_payment_method_types or dynamic payment methods.",
                "parameter_unknown", "payment_method_types");
        }

        var mode = Params.Text(root, "mode") ?? throw StripeApiException.Missing("mode");
        if (mode != "payment")
        {
            throw StripeApiException.InvalidRequest($"Invalid mode: {mode}. The emulator supports mode=payment only.", "mode");
        }

        var successUrl = Params.RequiredText(root, "success_url", "success_url");
        UrlRules.RequireAbsolute(successUrl, "success_url");
        var cancelUrl = Params.Text(root, "cancel_url");
        if (cancelUrl is not null)
        {
            UrlRules.RequireAbsolute(cancelUrl, "cancel_url");
        }

        var (currency, lines) = ReadLineItems(root);
        var customerEmail = Params.Text(root, "customer_email");
        if (customerEmail is not null && !customerEmail.Contains('@', StringComparison.Ordinal))
        {
            throw StripeApiException.InvalidRequest($"Invalid email address: {customerEmail}", "customer_email", "email_invalid");
        }

        var clientReferenceId = Params.Text(root, "client_reference_id");
        if (clientReferenceId is { Length: > 200 })
        {
            throw StripeApiException.InvalidRequest("Invalid client_reference_id: must be at most 200 characters.", "client_reference_id");
        }

        var metadata = MetadataRules.Read(root) ?? [];
        var intentData = root.Get("payment_intent_data");
        var intentMetadata = MetadataRules.Read(intentData) ?? [];
        var applicationFee = Params.Integer(intentData, "application_fee_amount");
        var description = Params.Text(intentData, "description");
        Params.Text(intentData, "receipt_email");
        Params.Text(intentData, "statement_descriptor_suffix");
        var expiresAt = ReadExpiry(root, now);
        var allowed = ReadAllowedTypes(root);
        Params.Text(root, "locale");
        Params.OneOf(root, "submit_type", "auto", "pay", "book", "donate");
        Params.OneOf(root, "billing_address_collection", "auto", "required");
        parameters.RejectUnknown();

        var total = lines.Sum(l => l.Total);
        if (total < Currencies.Minimum(currency))
        {
            throw StripeApiException.InvalidRequest($"The Checkout Session's total amount due must add up to at least {Currencies.Minimum(currency)} (minor units of {currency}).", "line_items", "amount_too_small");
        }

        if (applicationFee is not null)
        {
            if (account is null)
            {
                throw StripeApiException.InvalidRequest(
                    "Can only apply an application_fee_amount when the PaymentIntent is attempting a direct payment (using an OAuth key or Stripe-Account header) or destination payment (using `transfer_data[destination]`).",
                    "payment_intent_data[application_fee_amount]");
            }

            if (applicationFee < 0 || applicationFee > total)
            {
                throw StripeApiException.InvalidRequest("Invalid application_fee_amount: it must be between 0 and the amount of the payment.", "payment_intent_data[application_fee_amount]");
            }
        }

        return new CheckoutSessionRequest
        {
            Currency = currency,
            LineItems = lines,
            SuccessUrl = successUrl,
            CancelUrl = cancelUrl,
            CustomerEmail = customerEmail,
            ClientReferenceId = clientReferenceId,
            Metadata = metadata,
            PaymentIntentMetadata = intentMetadata,
            ApplicationFeeAmount = applicationFee,
            Description = description,
            ExpiresAt = expiresAt,
            AllowedPaymentMethodTypes = allowed,
        };
    }

    private static (string Currency, List<LineItem> Lines) ReadLineItems(FormNode root)
    {
        var node = root.Get("line_items") ?? throw StripeApiException.Missing("line_items");
        var items = node.AsList();
        if (items.Count == 0)
        {
            throw StripeApiException.Missing("line_items");
        }

        string? currency = null;
        var lines = new List<LineItem>();
        foreach (var item in items)
        {
            if (item.Get("price") is { } price)
            {
                throw StripeApiException.NoSuch("price", price.MarkRead().Value ?? string.Empty, price.Path);
            }

            var priceData = item.Get("price_data") ?? throw StripeApiException.Missing($"{item.Path}[price_data]");
            var lineCurrency = Currencies.Read(Params.RequiredText(priceData, "currency", $"{priceData.Path}[currency]"), $"{priceData.Path}[currency]");
            if (currency is not null && currency != lineCurrency)
            {
                throw StripeApiException.InvalidRequest("All line items must use the same currency.", $"{priceData.Path}[currency]");
            }

            currency = lineCurrency;
            var unitAmount = Params.Integer(priceData, "unit_amount") ?? throw StripeApiException.Missing($"{priceData.Path}[unit_amount]");
            if (unitAmount < 0)
            {
                throw StripeApiException.InvalidRequest("Invalid unit_amount: must be a non-negative integer (minor units).", $"{priceData.Path}[unit_amount]");
            }

            var product = priceData.Get("product_data") ?? throw StripeApiException.Missing($"{priceData.Path}[product_data]");
            var name = Params.RequiredText(product, "name", $"{product.Path}[name]");
            var description = Params.Text(product, "description");
            MetadataRules.Read(product);
            Params.Text(priceData, "tax_behavior");
            var quantity = Params.Integer(item, "quantity") ?? throw StripeApiException.Missing($"{item.Path}[quantity]");
            if (quantity < 1)
            {
                throw StripeApiException.InvalidRequest("Invalid quantity: must be at least 1.", $"{item.Path}[quantity]");
            }

            lines.Add(new LineItem(name, description, unitAmount, quantity));
        }

        return (currency!, lines);
    }

    private static DateTimeOffset ReadExpiry(FormNode root, DateTimeOffset now)
    {
        var expiresAt = Params.Integer(root, "expires_at");
        if (expiresAt is null)
        {
            return now + MaxLifetime;
        }

        var at = DateTimeOffset.FromUnixTimeSeconds(expiresAt.Value);
        // Stripe allows a little slack for clock drift on the 30-minute lower bound.
        if (at < now + MinLifetime - TimeSpan.FromSeconds(5) || at > now + MaxLifetime + TimeSpan.FromSeconds(5))
        {
            throw StripeApiException.InvalidRequest("The `expires_at` timestamp must be between 30 minutes and 24 hours from Checkout Session creation.", "expires_at");
        }

        return at;
    }

    private static List<string>? ReadAllowedTypes(FormNode root)
    {
        if (root.Get("allowed_payment_method_types") is null)
        {
            return null;
        }

        var types = Params.Strings(root, "allowed_payment_method_types");
        foreach (var type in types)
        {
            if (!PaymentMethodTypes.Contains(type))
            {
                throw StripeApiException.InvalidRequest($"Invalid allowed_payment_method_types: {type} is not a payment method type the emulator knows ({string.Join(", ", PaymentMethodTypes)}).", "allowed_payment_method_types");
            }
        }

        return [.. types];
    }
}
