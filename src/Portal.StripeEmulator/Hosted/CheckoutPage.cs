using System.Text;
using Portal.StripeEmulator.Flows;
using Portal.StripeEmulator.State;

namespace Portal.StripeEmulator.Hosted;

/// <summary>
/// The hosted checkout page at a session's url: the practice's name, the lines and total, a card form and
/// a delayed bank-debit option; success redirects to success_url, a decline stays on the page to retry.
/// </summary>
internal static class CheckoutPage
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/c/pay/{id}", Show);
        app.MapPost("/c/pay/{id}", Pay).DisableAntiforgery();
    }

    private static IResult Show(string id, EmulatorStore store, CheckoutFlow flow)
    {
        flow.ExpireDue();
        var session = store.FindAnywhere<CheckoutSessionRecord>(id);
        return session is null ? NotFound() : Render(session, store, null, null);
    }

    private static async Task<IResult> Pay(string id, HttpContext context, EmulatorStore store, CheckoutFlow flow, TimeProvider clock)
    {
        if (!context.Request.HasFormContentType)
        {
            return HostedPage.NotAForm();
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        flow.ExpireDue();
        var session = store.FindAnywhere<CheckoutSessionRecord>(id);
        if (session is null)
        {
            return NotFound();
        }

        if (session.Status != "open")
        {
            return Render(session, store, null, null);
        }

        var card = CardForm.Read(form, clock.GetUtcNow());
        if (card.Errors.Count > 0)
        {
            return Render(session, store, card, null, StatusCodes.Status400BadRequest);
        }

        var email = card.Email.Length > 0 ? card.Email : null;
        if (card.Method == "bank")
        {
            if (!session.OffersDelayedMethod)
            {
                return Render(session, store, card, "Bank debit is not available for this payment.", StatusCodes.Status400BadRequest);
            }

            flow.PayDelayed(session, card.Name, email);
            return Results.Redirect(session.ResolvedSuccessUrl);
        }

        var outcome = flow.PayByCard(session, new CardDetails(card.Digits, card.Name), email);
        return outcome.Succeeded
            ? Results.Redirect(session.ResolvedSuccessUrl)
            : Render(session, store, card, outcome.Error!.Message, StatusCodes.Status402PaymentRequired);
    }

    private static IResult NotFound() => HostedPage.Html("Checkout session not found", "<p>This checkout link does not exist.</p>", StatusCodes.Status404NotFound);

    private static IResult Render(CheckoutSessionRecord session, EmulatorStore store, CardForm? posted, string? decline, int status = StatusCodes.Status200OK)
    {
        var payee = session.Account is null ? "Platform (test)" : store.Find<AccountRecord>(session.Account, null)?.DisplayName ?? session.Account;
        if (session.Status == "expired")
        {
            return HostedPage.Html("This checkout session has expired", $"<p>The payment to <strong>{HostedPage.Encode(payee)}</strong> can no longer be made from this page. Go back and start again.</p>", StatusCodes.Status410Gone);
        }

        if (session.Status == "complete")
        {
            return HostedPage.Html("Payment already submitted", $"<p>This checkout session is complete.</p><p><a href=\"{HostedPage.Encode(session.ResolvedSuccessUrl)}\">Return to {HostedPage.Encode(payee)}</a></p>");
        }

        var body = new StringBuilder();
        body.Append($"<p>Pay <strong>{HostedPage.Encode(payee)}</strong></p><table aria-label=\"Items\">");
        foreach (var line in session.LineItems)
        {
            body.Append($"<tr><td>{HostedPage.Encode(line.Name)}{(line.Quantity > 1 ? $" × {line.Quantity}" : string.Empty)}</td><td class=\"amount\">{Money.Format(line.Total, session.Currency)}</td></tr>");
        }

        body.Append($"<tr class=\"total\"><td>Total due</td><td class=\"amount\" data-total>{Money.Format(session.AmountTotal, session.Currency)}</td></tr></table>");
        if (decline is not null)
        {
            body.Append($"<p class=\"error\" role=\"alert\" id=\"payment-error\">{HostedPage.Encode(decline)}</p>");
        }

        // No action: the form posts back to the session's own url, wherever the emulator is served.
        body.Append("<form method=\"post\">");
        body.Append("<fieldset><legend>Payment method</legend>");
        body.Append($"<label><input type=\"radio\" name=\"method\" value=\"card\"{(posted?.Method != "bank" ? " checked" : string.Empty)}> Card</label>");
        if (session.OffersDelayedMethod)
        {
            body.Append($"<label><input type=\"radio\" name=\"method\" value=\"bank\"{(posted?.Method == "bank" ? " checked" : string.Empty)}> Pay later / bank debit (test)</label>");
        }

        body.Append("</fieldset>");
        body.Append(Field("email", "E-mail", "email", posted?.Email ?? session.CustomerEmail, posted, "email"));
        body.Append(Field("number", "Card number", "text", posted?.Number, posted, "cc-number"));
        body.Append(Field("expiry", "Expiry (MM / YY)", "text", posted?.Expiry, posted, "cc-exp"));
        body.Append(Field("cvc", "CVC", "text", null, posted, "cc-csc"));
        body.Append(Field("name", "Name on card or account", "text", posted?.Name, posted, "cc-name"));
        body.Append($"<button type=\"submit\">Pay {Money.Format(session.AmountTotal, session.Currency)}</button></form>");
        if (session.CancelUrl is not null)
        {
            body.Append($"<p><a href=\"{HostedPage.Encode(session.CancelUrl)}\">Cancel and return</a></p>");
        }

        body.Append("<p><small>Test cards: 4242 4242 4242 4242 pays; 4000 0000 0000 0002 is declined; 4000 0000 0000 9995 has insufficient funds. Any future expiry, any CVC.</small></p>");
        return HostedPage.Html("Checkout", body.ToString(), status);
    }

    private static string Field(string name, string label, string type, string? value, CardForm? posted, string autocomplete)
    {
        var error = posted is not null && posted.Errors.TryGetValue(name, out var message)
            ? $"<span class=\"error\" id=\"{name}-error\">{HostedPage.Encode(message)}</span>"
            : string.Empty;
        var described = error.Length > 0 ? $" aria-invalid=\"true\" aria-describedby=\"{name}-error\"" : string.Empty;
        return $"<label for=\"{name}\">{label}</label><input type=\"{type}\" id=\"{name}\" name=\"{name}\" autocomplete=\"{autocomplete}\" value=\"{HostedPage.Encode(value)}\"{described}>{error}";
    }
}
