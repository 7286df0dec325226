using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using Portal.Billing.Services;
using Portal.Core.Contracts;
using Portal.Core.Navigation;
using Portal.Core.Security;
using Portal.Core.Tenancy;
using Portal.SecureMail.Data;
using Portal.SecureMail.Models;
using Portal.SecureMail.Services;

namespace Portal.SecureMail.Pages.SecureMail;

/// <summary>
/// The recipient's page behind the e-mail's link (anyone with the link; no account): the practice's
/// branding, the subject and the hint, and the password. Once unlocked, this browser sees the message,
/// its files, the payment box of a payment request and the reply form, until the short session ends.
/// The subject is shown before the password: it is in the e-mail already, and tells the recipient what
/// they are unlocking; the compose page says it is not protected.
/// </summary>
[AllowAnonymous]
public sealed class OpenModel(
    SecureMessageUnlock unlock,
    SecureMessageSessions sessions,
    SecureMessageSealing sealing,
    SecureMessageMail mail,
    SecureMailDbContext db,
    IAttachmentStore attachments,
    IEnumerable<IPaymentRequestPayments> payments,
    IAuditLog audit,
    ICurrentActor actor,
    IServiceProvider services,
    TenantContext tenant,
    TimeProvider clock) : PageModel
{
    /// <summary>Replies one message takes, so an unlocked page cannot be used to fill the database.</summary>
    public const int MaxReplies = 20;

    [BindProperty(SupportsGet = true, Name = "token")]
    public string? Token { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? Reply { get; set; }

    public SecureMessage? Message { get; private set; }

    /// <summary>Why the page shows no form: the link is not valid, expired, revoked, or the message is locked.</summary>
    public string? ProblemTitle { get; private set; }

    public string? Problem { get; private set; }

    public bool IsUnlocked { get; private set; }

    public string MessageBody { get; private set; } = "";

    public IReadOnlyList<SecureMessageAttachment> Files { get; private set; } = [];

    /// <summary>The stored files that may be downloaded now: a file still being scanned is listed without a link.</summary>
    public IReadOnlySet<Guid> ReleasedAttachments { get; private set; } = new HashSet<Guid>();

    public int ReplyCount { get; private set; }

    public string PracticeName => tenant.Tenant.DisplayName;

    public bool IsPaid => Message?.PaymentStatus is SecureMessagePaymentStatus.Paid or SecureMessagePaymentStatus.PartlyRefunded or SecureMessagePaymentStatus.Refunded;

    public string AmountText => Message is { Amount: { } amount, Currency: { } currency } ? Money.Format(amount, currency) : "";

    public string FeeText => Message is { IncludeFee: true, Fee: { } fee, Currency: { } currency } ? Money.Format(fee, currency) : "";

    public string TotalText => Message is { Amount: { } amount, Currency: { } currency } m ? Money.Format(amount + (m.IncludeFee ? m.Fee ?? 0 : 0), currency) : "";

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } stop)
        {
            return stop;
        }

        if (Message!.LockedAt is not null)
        {
            return Locked();
        }

        if (sessions.IsOpen(HttpContext, Message))
        {
            await ShowUnlockedAsync();
        }
        else if (Message.HasUsedItsOpens)
        {
            return Gone(UnlockOutcome.OpensUsed);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostUnlockAsync()
    {
        if (await LoadAsync() is { } stop)
        {
            return stop;
        }

        if (string.IsNullOrEmpty(Password))
        {
            // An empty form (Enter pressed by mistake) is not a guess: it must not use one of the attempts.
            ModelState.AddModelError(nameof(Password), "Enter the password.");
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        var outcome = await unlock.AttemptAsync(Message!, Password, actor.Actor.IpAddress, HttpContext.RequestAborted);
        Password = null;
        switch (outcome)
        {
            case UnlockOutcome.Unlocked:
                sessions.Open(HttpContext, Message!, Token!);
                return RedirectToPage(new { token = Token });
            case UnlockOutcome.WrongPassword when Message!.LockedAt is null:
                var left = SecureMessage.MaxFailedAttempts - Message.FailedAttempts;
                ModelState.AddModelError(nameof(Password), $"That is not the password. {left} {(left == 1 ? "attempt" : "attempts")} left before the message locks.");
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                return Page();
            case UnlockOutcome.WrongPassword or UnlockOutcome.Locked:
                return Locked();
            case UnlockOutcome.Throttled:
                ProblemTitle = "Too many attempts";
                Problem = "Too many wrong passwords came from your network. Wait a few minutes and try again.";
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                return Page();
            default:
                return Gone(outcome);
        }
    }

    public async Task<IActionResult> OnPostReplyAsync()
    {
        if (await UnlockedAsync() is { } stop)
        {
            return stop;
        }

        var text = (Reply ?? "").Trim();
        var problem = text.Length == 0 ? "Write your reply."
            : text.Length > SecureMessageReply.BodyMaxLength ? $"A reply has at most {SecureMessageReply.BodyMaxLength:N0} characters."
            : await db.Replies.CountAsync(r => r.MessageId == Message!.Id, HttpContext.RequestAborted) >= MaxReplies ? $"This message has taken its {MaxReplies} replies: write to {PracticeName} another way."
            : null;
        if (problem is not null)
        {
            ModelState.AddModelError(nameof(Reply), problem);
            await ShowUnlockedAsync();
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        var reply = new SecureMessageReply { Id = Guid.CreateVersion7(), MessageId = Message!.Id, CreatedAt = clock.GetUtcNow().UtcDateTime, Ip = Limit(actor.Actor.IpAddress) };
        reply.SealedBody = sealing.Seal(Message.Id, text);
        db.Replies.Add(reply);
        await db.SaveChangesAsync(HttpContext.RequestAborted);
        await audit.RecordAsync(new AuditEntry(SecureMailAuditActions.Replied, SecureMailAuditTargets.SecureMessage, Message.Id.ToString()) { ActorName = Message.RecipientEmail }, CancellationToken.None);
        await mail.QueueReplyAsync(Message, reply.Id, CancellationToken.None);
        TempData[TempDataKeys.Status] = $"Your reply was sent securely to {PracticeName}.";
        return RedirectToPage(new { token = Token });
    }

    public async Task<IActionResult> OnGetAttachmentAsync(Guid id)
    {
        if (await UnlockedAsync() is { } stop)
        {
            return stop;
        }

        var file = await db.Attachments.AsNoTracking().SingleOrDefaultAsync(a => a.MessageId == Message!.Id && a.Id == id, HttpContext.RequestAborted);
        var info = file is null ? null : await attachments.FindAsync(file.AttachmentId, HttpContext.RequestAborted);
        var content = info is { IsReleased: true } ? await attachments.OpenReadAsync(info.Id, HttpContext.RequestAborted) : null;
        if (file is null || info is null || content is null)
        {
            return NotFound();
        }

        await audit.RecordAsync(new AuditEntry(SecureMailAuditActions.AttachmentDownloaded, SecureMailAuditTargets.SecureMessage, Message!.Id.ToString(), info.FileName) { ActorName = Message.RecipientEmail }, CancellationToken.None);
        Response.Headers.CacheControl = "no-store";
        Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        return File(content, info.ContentType, info.FileName);
    }

    public async Task<IActionResult> OnPostPayAsync()
    {
        if (await UnlockedAsync() is { } stop)
        {
            return stop;
        }

        if (Message is not { IsPaymentRequest: true, ClientId: { } clientId, Amount: { } amount, Currency: { } currency } || payments.LastOrDefault() is not { } payment)
        {
            return NotFound();
        }

        var checkout = await payment.StartCheckoutAsync(
            new PaymentRequestCharge(Message.Id, clientId, Message.RecipientEmail, Message.Subject, Message.InvoiceNumber, amount, currency, Message.IncludeFee, Message.SenderId, new Uri(mail.ReturnLink(Message.Id)), Message.ExpiresAt),
            HttpContext.RequestAborted);
        if (!checkout.Succeeded)
        {
            ModelState.AddModelError("", checkout.Error ?? "The payment could not be started. Try again in a moment.");
            await ShowUnlockedAsync();
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        await audit.RecordAsync(new AuditEntry(SecureMailAuditActions.PayStarted, SecureMailAuditTargets.SecureMessage, Message.Id.ToString()) { ActorName = Message.RecipientEmail }, CancellationToken.None);
        return Redirect(checkout.RedirectTo!.ToString());
    }

    /// <summary>The message of the token, or the page that says why there is none to show.</summary>
    private async Task<IActionResult?> LoadAsync()
    {
        Response.Headers.CacheControl = "no-store";
        Message = await unlock.FindAsync(Token, HttpContext.RequestAborted);
        if (Message is null)
        {
            ProblemTitle = "This link is not valid";
            Problem = "Check that you used the whole link from the e-mail, or ask the sender for a new one.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        return await unlock.VisitAsync(Message, HttpContext.RequestAborted) is { } gone ? Gone(gone) : null;
    }

    private async Task<IActionResult?> UnlockedAsync()
    {
        if (await LoadAsync() is { } stop)
        {
            return stop;
        }

        if (Message!.LockedAt is not null)
        {
            return Locked();
        }

        // Not (or no longer) unlocked in this browser: the password first.
        return sessions.IsOpen(HttpContext, Message) ? null : RedirectToPage(new { token = Token });
    }

    private async Task ShowUnlockedAsync()
    {
        IsUnlocked = true;
        if (Message!.IsPaymentRequest && !IsPaid && services.GetService(typeof(Billing.Payments.StripeGateway)) is Billing.Payments.StripeGateway stripe)
        {
            // Pay answers with a redirect to Checkout, which browsers hold to this page's form-action (as Billing's invoice page does).
            Response.Headers.ContentSecurityPolicy = SecurityHeadersMiddleware.AllowingFormsTo(stripe.CheckoutOrigin);
        }

        MessageBody = sealing.Open(Message!.Id, Message.SealedBody);
        Files = await db.Attachments.AsNoTracking().Where(a => a.MessageId == Message.Id).OrderBy(a => a.FileName).ToListAsync(HttpContext.RequestAborted);
        if (Files.Count > 0)
        {
            ReleasedAttachments = (await attachments.ListAsync(SecureMessageSender.AttachmentOwner, Message.Id, HttpContext.RequestAborted))
                .Where(a => a.IsReleased).Select(a => a.Id).ToHashSet();
        }

        ReplyCount = await db.Replies.CountAsync(r => r.MessageId == Message.Id, HttpContext.RequestAborted);
    }

    private PageResult Locked()
    {
        ProblemTitle = "This message is locked";
        Problem = $"The password was given wrongly too many times, so the message is locked. Ask the sender at {PracticeName} to re-open it.";
        Response.StatusCode = StatusCodes.Status423Locked;
        return Page();
    }

    private PageResult Gone(UnlockOutcome outcome)
    {
        (ProblemTitle, Problem) = outcome switch
        {
            UnlockOutcome.Revoked => ("This message was withdrawn", $"The sender at {PracticeName} withdrew this message. Ask them if you still need it."),
            UnlockOutcome.OpensUsed => ("This message cannot be opened again", $"This message was opened the most times its sender allowed; ask them at {PracticeName} to send it again."),
            _ => ("This link has expired", $"The link has expired. Ask the sender at {PracticeName} to send the message again."),
        };
        Response.StatusCode = StatusCodes.Status410Gone;
        return Page();
    }

    private static string? Limit(string? ip) => ip is { Length: > SecureMessageAttempt.IpMaxLength } ? ip[..SecureMessageAttempt.IpMaxLength] : ip;
}
