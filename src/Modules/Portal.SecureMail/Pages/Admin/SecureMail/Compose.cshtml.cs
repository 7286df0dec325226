using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Billing.Services;
using Portal.Core.Contracts;
using Portal.Core.Navigation;
using Portal.Core.Security;
using Portal.Core.Time;
using Portal.SecureMail.Data;
using Portal.SecureMail.Models;
using Portal.SecureMail.Services;

namespace Portal.SecureMail.Pages.Admin.SecureMail;

/// <summary>
/// Compose a secure e-mail or payment request. A payment request first needs the payment permission,
/// a practice that can take payments and a unit of the plan's quota: each is checked before the form is
/// shown, so nobody types a request that cannot be sent. Then the client is chosen (its portal users'
/// address fills the recipient). "Copy as new" (<c>copyOf</c>) fills everything but the password and files.
/// </summary>
[RequirePermission(Permissions.SendName)]
public sealed class ComposeModel(
    SecureMessageSender sender,
    SecureMailDbContext db,
    SecureMessageSealing sealing,
    IPlanQuotas quotas,
    IEnumerable<IPaymentRequestPayments> payments,
    IClientDirectory clients,
    IUserDirectory users,
    IAuthorizationService authorization,
    IPracticeClock practiceClock,
    TimeProvider clock) : PageModel
{
    [BindProperty]
    public ComposeForm Input { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "kind")]
    public SecureMessageKind? KindFromLink { get; set; }

    [BindProperty(SupportsGet = true, Name = "clientId")]
    public Guid? ClientIdFromLink { get; set; }

    /// <summary>The client typed on the first step of a payment request (external ID or exact name).</summary>
    [BindProperty(SupportsGet = true, Name = "client")]
    public string? ClientReference { get; set; }

    [BindProperty(SupportsGet = true, Name = "copyOf")]
    public Guid? CopyOf { get; set; }

    public ClientSummary? Client { get; private set; }

    public string? ClientProblem { get; private set; }

    /// <summary>Why a payment request cannot be composed now (permission, payments, quota); the form is not shown.</summary>
    public string? Refusal { get; private set; }

    public string? FeeText { get; private set; }

    /// <summary>Why a file was refused (the files are not a bound property, so their error is kept here).</summary>
    public string? AttachmentsProblem { get; private set; }

    public string? CopyNotice { get; private set; }

    public IReadOnlyList<string> Currencies => SecureMessageRules.Currencies;

    public bool IsPaymentRequest => Input.Kind == SecureMessageKind.PaymentRequest;

    public bool ShowsClientStep => IsPaymentRequest && Refusal is null && Client is null;

    public async Task<IActionResult> OnGetAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        Input.Kind = KindFromLink is { } kind && Enum.IsDefined(kind) ? kind : SecureMessageKind.SecureEmail;
        Input.Currency = SecureMessageRules.DefaultCurrency;
        Input.ExpiresOn = (await practiceClock.TodayAsync(cancellationToken)).AddDays(SecureMessageRules.DefaultLifetime.Days);
        if (CopyOf is { } copyOf && !await FillFromCopyAsync(copyOf, cancellationToken))
        {
            return NotFound();
        }

        var clientId = Input.ClientId ?? ClientIdFromLink;
        Client = clientId is { } id ? await clients.FindAsync(id, cancellationToken)
            : string.IsNullOrWhiteSpace(ClientReference) ? null : await clients.FindByReferenceAsync(ClientReference.Trim(), cancellationToken);
        if (Client is null && !string.IsNullOrWhiteSpace(ClientReference))
        {
            ClientProblem = "No client has that external ID or exact name.";
        }

        Input.ClientId = Client?.Id;
        if (Client is not null && string.IsNullOrWhiteSpace(Input.RecipientEmail))
        {
            Input.RecipientEmail = await PortalUserEmailAsync(Client.Id, cancellationToken);
        }

        if (IsPaymentRequest)
        {
            Refusal = await PaymentRefusalAsync(Input.Currency ?? SecureMessageRules.DefaultCurrency, cancellationToken);
            await QuoteFeeAsync(cancellationToken);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        ModelState.Clear();
        if (!Enum.IsDefined(Input.Kind))
        {
            Input.Kind = SecureMessageKind.SecureEmail;
        }

        if (IsPaymentRequest && !await MayRequestPaymentsAsync())
        {
            return Forbid();
        }

        Client = Input.ClientId is { } clientId ? await clients.FindAsync(clientId, cancellationToken) : null;
        long? amount = null;

        // An amount that does not parse is said once, by Money's words, not again by the draft's rules.
        if (IsPaymentRequest)
        {
            if (Money.TryParse(Input.Amount, out var parsed, out var amountProblem))
            {
                amount = parsed;
            }
            else
            {
                ModelState.AddModelError(Field(SecureMessageFields.Amount), amountProblem!);
            }
        }

        int? maxOpens = null;
        var maxOpensText = Input.MaxOpens?.Trim() ?? "";
        if (maxOpensText.Length > 0)
        {
            if (int.TryParse(maxOpensText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var opens))
            {
                maxOpens = opens;
            }
            else
            {
                ModelState.AddModelError(Field(SecureMessageFields.MaxOpens), $"'{maxOpensText}' is not a whole number: enter 1 to {SecureMessage.MaxOpensLimit}, or leave it empty for no limit.");
            }
        }

        var zone = await practiceClock.ZoneAsync(cancellationToken);
        var today = await practiceClock.TodayAsync(cancellationToken);
        if (Input.ExpiresOn is null)
        {
            ModelState.AddModelError(Field(SecureMessageFields.ExpiresOn), "Enter the date the link stops working.");
        }

        // The link works to the end of the chosen day in the practice's time zone.
        // A date at the end of the calendar (9999-12-31, typed by hand) is over the longest lifetime: the rule says so at the field.
        var expiresAt = Input.ExpiresOn is { } day
            ? day >= DateOnly.MaxValue.AddDays(-1) ? DateTime.MaxValue : zone.StartOfDayUtc(day.AddDays(1))
            : DateTime.MinValue;
        var files = Request.HasFormContentType ? Request.Form.Files.Where(f => f.Length > 0 || f.FileName.Length > 0).ToList() : [];
        var streams = new List<Stream>();
        try
        {
            var draft = new SecureMessageDraft(
                Input.Kind,
                Input.RecipientEmail ?? "",
                Input.Subject ?? "",
                Input.Body ?? "",
                Input.Password ?? "",
                Input.Hint ?? "",
                expiresAt,
                Input.NotifyWhenOpened)
            {
                ClientId = IsPaymentRequest ? Input.ClientId : Client?.Id,
                Currency = IsPaymentRequest ? Input.Currency : null,
                InvoiceNumber = IsPaymentRequest ? Input.InvoiceNumber : null,
                Amount = amount,
                IncludeFee = IsPaymentRequest && Input.IncludeFee,
                MaxOpens = maxOpens,
                Files = [.. files.Select(f =>
                {
                    var stream = f.OpenReadStream();
                    streams.Add(stream);
                    return new SecureMessageFile(f.FileName, stream);
                })],
            };

            var problems = SecureMessageRules.Check(draft, clock.GetUtcNow().UtcDateTime)
                .Where(p => (p.Field != SecureMessageFields.Amount || amount is not null) && (p.Field != SecureMessageFields.ExpiresOn || Input.ExpiresOn is not null))
                .ToList();
            if (Input.ExpiresOn is { } chosen && chosen < today)
            {
                problems.RemoveAll(p => p.Field == SecureMessageFields.ExpiresOn);
                problems.Add(new(SecureMessageFields.ExpiresOn, $"{chosen.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)} is in the past: choose today or a later date."));
            }

            if (problems.Count > 0 || !ModelState.IsValid)
            {
                return await InvalidAsync(problems, cancellationToken);
            }

            var result = await sender.SendAsync(draft, cancellationToken);
            if (!result.Succeeded)
            {
                return await InvalidAsync(result.Problems, cancellationToken);
            }

            var message = result.Message!;
            TempData[TempDataKeys.Status] = message.FailedAt is null
                ? $"Your {SecureMessageMail.KindText(message.Kind).ToLowerInvariant()} to {message.RecipientEmail} is on its way."
                : $"Your {SecureMessageMail.KindText(message.Kind).ToLowerInvariant()} to {message.RecipientEmail} was saved but its e-mail could not be queued: send it again from the list.";
            return RedirectToPage(new { kind = message.Kind });
        }
        finally
        {
            foreach (var stream in streams)
            {
                await stream.DisposeAsync();
            }
        }
    }

    /// <summary>Shows the fee for the typed amount (the form comes back as it was, files aside).</summary>
    public async Task<IActionResult> OnPostFeeAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        ModelState.Clear();
        Input.Kind = SecureMessageKind.PaymentRequest;
        if (!await MayRequestPaymentsAsync())
        {
            return Forbid();
        }

        Client = Input.ClientId is { } clientId ? await clients.FindAsync(clientId, cancellationToken) : null;
        Refusal = await PaymentRefusalAsync(Input.Currency ?? SecureMessageRules.DefaultCurrency, cancellationToken);
        if (!Money.TryParse(Input.Amount, out _, out var problem))
        {
            ModelState.AddModelError(Field(SecureMessageFields.Amount), problem!);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }

        await QuoteFeeAsync(cancellationToken);
        return Page();
    }

    private async Task<IActionResult> InvalidAsync(IEnumerable<SecureMessageProblem> problems, CancellationToken cancellationToken)
    {
        foreach (var problem in problems)
        {
            if (problem.Field == SecureMessageFields.Attachments)
            {
                AttachmentsProblem = problem.Message;
            }

            ModelState.AddModelError(problem.Field.Length == 0 ? "" : Field(problem.Field), problem.Message);
        }

        // The password is never sent back to the browser.
        Input.Password = null;
        if (IsPaymentRequest)
        {
            await QuoteFeeAsync(cancellationToken);
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task<bool> FillFromCopyAsync(Guid copyOf, CancellationToken cancellationToken)
    {
        var original = await db.Messages.AsNoTracking().SingleOrDefaultAsync(m => m.Id == copyOf, cancellationToken);
        if (original is null)
        {
            return false;
        }

        Input.Kind = original.Kind;
        Input.ClientId = original.ClientId;
        Input.RecipientEmail = original.RecipientEmail;
        Input.Subject = original.Subject;
        Input.Body = sealing.Open(original.Id, original.SealedBody);
        Input.Hint = original.Hint;
        Input.NotifyWhenOpened = original.NotifyWhenOpened;
        Input.MaxOpens = original.MaxOpens?.ToString(CultureInfo.InvariantCulture);
        Input.Currency = original.Currency ?? SecureMessageRules.DefaultCurrency;
        Input.InvoiceNumber = original.InvoiceNumber;
        Input.Amount = original.Amount is { } minor ? (minor / 100m).ToString("0.00", CultureInfo.InvariantCulture) : null;
        Input.IncludeFee = original.IncludeFee;
        CopyNotice = "A copy of an earlier message: choose a new password, and attach the files again if they are still needed.";
        return true;
    }

    private async Task<string?> PaymentRefusalAsync(string currency, CancellationToken cancellationToken)
    {
        if (!await MayRequestPaymentsAsync())
        {
            return "Sending a payment request needs the permission to take payments. Ask an administrator for it.";
        }

        if (payments.LastOrDefault() is not { } payment)
        {
            return "Payment requests are not available in this portal.";
        }

        if (await payment.UnavailableReasonAsync(currency, cancellationToken) is { } reason)
        {
            return reason;
        }

        var quota = await quotas.GetAsync(PlanQuota.SecurePaymentRequests, cancellationToken);
        return quota.Allowed ? null : quota.Refusal ?? "Your plan allows no more secure payment requests this month.";
    }

    private async Task QuoteFeeAsync(CancellationToken cancellationToken)
    {
        if (Client is null || Refusal is not null || payments.LastOrDefault() is not { } payment
            || !Money.TryParse(Input.Amount, out var amount, out _) || amount <= 0
            || Input.Currency is not { } currency || !SecureMessageRules.Currencies.Contains(currency))
        {
            return;
        }

        FeeText = Money.Format(await payment.FeeAsync(Client.Id, amount, currency, cancellationToken), currency);
    }

    private async Task<string?> PortalUserEmailAsync(Guid clientId, CancellationToken cancellationToken)
    {
        var portalUsers = await clients.PortalUsersAsync(clientId, cancellationToken);
        var ordered = portalUsers.OrderBy(u => u.Access == ClientAccessLevel.Full ? 0 : 1).Select(u => u.UserId).ToList();
        var found = await users.FindManyAsync(ordered, cancellationToken);
        return ordered.Select(id => found.GetValueOrDefault(id)).FirstOrDefault(u => u is { IsDisabled: false })?.Email;
    }

    private async Task<bool> MayRequestPaymentsAsync()
        => (await authorization.AuthorizeAsync(User, PermissionPolicyProvider.Prefix + Permissions.PaymentRequestName)).Succeeded;

    private static string Field(string name) => $"{nameof(Input)}.{name}";
}
