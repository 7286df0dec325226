using Portal.StripeEmulator.Flows;
using Portal.StripeEmulator.Hosting;
using Portal.StripeEmulator.State;
using Portal.StripeEmulator.Webhooks;
using Portal.StripeEmulator.Wire;

namespace Portal.StripeEmulator.Control;

/// <summary>
/// The emulator's own test API under /_emulator (not Stripe's): faults, webhook pause/resume/replay,
/// delayed-payment outcomes, account requirements, the clock, and what was delivered.
/// </summary>
internal static class ControlEndpoints
{
    public const string Prefix = "/_emulator";

    public static void Map(IEndpointRouteBuilder app)
    {
        var control = app.MapGroup(Prefix).DisableAntiforgery();
        control.MapPost("/faults", AddFault);
        control.MapDelete("/faults", ClearFaults);
        control.MapGet("/faults/pending", PendingFaults);
        control.MapPost("/webhooks/pause", PauseWebhooks);
        control.MapPost("/webhooks/resume", ResumeWebhooks);
        control.MapPost("/webhooks/drop-held", DropHeldWebhooks);
        control.MapGet("/webhooks/deliveries", Deliveries);
        control.MapPost("/webhooks/endpoints", AddEndpoint);
        control.MapPost("/events/{id}/resend", ResendEvent);
        control.MapPost("/checkout/sessions/{id}/async-payment", SettleAsyncPayment);
        control.MapPost("/accounts/{id}/requirements", SetRequirements);
        control.MapPost("/clock/advance", AdvanceClock);
        control.MapGet("/requests", Requests);
    }

    private static IResult AddFault(FaultRequest request, FaultPlan faults)
    {
        if (request.Count < 1 || (request.Status is null == request.DelayMilliseconds is null)
            || request.Status is not (null or 429 or (>= 500 and <= 599)) || request.DelayMilliseconds < 0)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]>
            {
                ["fault"] = ["Give count >= 1 and exactly one of status (429 or 5xx) or delayMilliseconds (>= 0)."],
            });
        }

        faults.Add(new Fault(request.Status, request.DelayMilliseconds is { } ms ? TimeSpan.FromMilliseconds(ms) : null, request.Count));
        return Results.NoContent();
    }

    private static IResult PendingFaults(FaultPlan faults) => Results.Ok(new PendingFaults(faults.Pending));

    private static IResult ClearFaults(FaultPlan faults)
    {
        faults.Clear();
        return Results.NoContent();
    }

    private static IResult PauseWebhooks(WebhookDispatcher dispatcher)
    {
        dispatcher.Pause();
        return Results.NoContent();
    }

    private static IResult ResumeWebhooks(WebhookDispatcher dispatcher, bool newestFirst = false)
    {
        dispatcher.Resume(newestFirst);
        return Results.NoContent();
    }

    private static IResult DropHeldWebhooks(WebhookDispatcher dispatcher) => Results.Ok(new { dropped = dispatcher.DropHeld() });

    private static IResult Deliveries(DeliveryLog log) => Results.Ok(log.All());

    private static IResult Requests(ApiRequestLog log) => Results.Ok(log.All());

    private static IResult AddEndpoint(WebhookEndpointRequest request, WebhookEndpoints endpoints)
    {
        if (!request.Url.IsAbsoluteUri || request.Secrets.Count == 0 || request.Secrets.Any(s => !s.StartsWith("whsec_", StringComparison.Ordinal)))
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["endpoint"] = ["Give an absolute url and at least one whsec_ secret."] });
        }

        endpoints.Add(new StripeEmulatorWebhookEndpoint { Url = request.Url, Secrets = [.. request.Secrets], Connect = request.Connect });
        return Results.NoContent();
    }

    /// <summary>Sends an event again to every endpoint that should get it (a duplicate delivery).</summary>
    private static IResult ResendEvent(string id, EmulatorStore store, WebhookEndpoints endpoints, WebhookDispatcher dispatcher)
    {
        var item = store.FindAnywhere<EventRecord>(id);
        if (item is null)
        {
            return Results.NotFound();
        }

        foreach (var endpoint in endpoints.For(item.Account))
        {
            dispatcher.Enqueue(new WebhookDelivery(item, endpoint, 1));
        }

        return Results.NoContent();
    }

    private static IResult SettleAsyncPayment(string id, AsyncPaymentRequest request, EmulatorStore store, CheckoutFlow flow)
    {
        var session = store.FindAnywhere<CheckoutSessionRecord>(id);
        if (session is null)
        {
            return Results.NotFound();
        }

        return flow.SettleDelayed(session, request.Succeeded)
            ? Results.NoContent()
            : Results.Conflict(new { error = "The session has no delayed payment waiting (pay it with the bank debit option first)." });
    }

    private static IResult SetRequirements(string id, RequirementsRequest request, EmulatorStore store, OnboardingFlow onboarding)
    {
        var account = store.Find<AccountRecord>(id, null);
        if (account is null)
        {
            return Results.NotFound();
        }

        onboarding.SetRequirements(account, request.CurrentlyDue, request.ChargesEnabled, request.PayoutsEnabled);
        return Results.NoContent();
    }

    private static IResult AdvanceClock(ClockAdvanceRequest request, EmulatorClock clock)
    {
        if (request.Seconds < 0)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["seconds"] = ["The clock only moves forward."] });
        }

        clock.Advance(TimeSpan.FromSeconds(request.Seconds));
        return Results.NoContent();
    }
}
