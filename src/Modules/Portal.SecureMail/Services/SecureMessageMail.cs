using Microsoft.AspNetCore.Routing;
using Portal.Core.Contracts;
using Portal.Core.Mail;
using Portal.Core.Tenancy;
using Portal.Core.Time;
using Portal.SecureMail.Models;

namespace Portal.SecureMail.Services;

/// <summary>Composes and queues the module's e-mails (<see cref="SecureMailTemplates"/>) with the practice's branding.</summary>
public sealed class SecureMessageMail(
    MailComposer composer,
    IMailOutbox outbox,
    IUserDirectory users,
    IPracticeClock practiceClock,
    LinkGenerator links,
    TenantContext tenant,
    TenantUrls urls)
{
    /// <summary>The Razor page the link opens (the recipient's unlock page).</summary>
    public const string OpenPage = "/SecureMail/Open";

    public string OpenLink(string token)
        => urls.Link(tenant.Tenant, links.GetPathByPage(OpenPage, values: new { token }) ?? throw new InvalidOperationException("The secure e-mail page is not mapped."));

    /// <summary>The page Checkout's back link returns to: it names the message by id, never by the link's token, which Stripe and the books must not hold.</summary>
    public const string ReturnPage = "/SecureMail/Return";

    public string ReturnLink(Guid messageId)
        => urls.Link(tenant.Tenant, links.GetPathByPage(ReturnPage, values: new { id = messageId }) ?? throw new InvalidOperationException("The secure e-mail return page is not mapped."));

    /// <summary>The sender's notices open the sent item itself, where its status, replies and payment are.</summary>
    public string SentItemLink(Guid messageId)
        => urls.Link(tenant.Tenant, links.GetPathByPage(SentItemsPages.Details, values: new { id = messageId }) ?? throw new InvalidOperationException("The sent item page is not mapped."));

    public async Task QueueLinkAsync(SecureMessage message, string token, Guid outboxId, CancellationToken cancellationToken)
    {
        var zone = await practiceClock.ZoneAsync(cancellationToken);
        var draft = await composer.ComposeAsync(
            SecureMailTemplates.LinkName,
            [message.RecipientEmail],
            new Dictionary<string, object?>
            {
                ["kindText"] = KindText(message.Kind),
                ["senderName"] = message.SenderName,
                ["subject"] = message.Subject,
                ["link"] = OpenLink(token),
                ["expires"] = zone.Sentence(message.ExpiresAt),
            },
            cancellationToken);
        await outbox.QueueAsync(draft.WithSecret(token) with { Id = outboxId }, cancellationToken);
    }

    /// <summary>"Notify me when opened": to the sender, once, at the first unlock.</summary>
    public async Task QueueOpenedAsync(SecureMessage message, CancellationToken cancellationToken)
    {
        if (await SenderEmailAsync(message, cancellationToken) is not { } to)
        {
            return;
        }

        var zone = await practiceClock.ZoneAsync(cancellationToken);
        var draft = await composer.ComposeAsync(
            SecureMailTemplates.OpenedName,
            [to],
            new Dictionary<string, object?>
            {
                ["recipient"] = message.RecipientEmail,
                ["subject"] = message.Subject,
                ["when"] = zone.Sentence(message.UnlockedAt ?? DateTime.UtcNow),
                ["link"] = SentItemLink(message.Id),
            },
            cancellationToken);
        await outbox.QueueAsync(draft with { Id = DerivedId(SecureMailTemplates.OpenedName, message.Id) }, cancellationToken);
    }

    /// <summary>To the sender: a payment reached the request after it was <paramref name="closed"/> (revoked, locked, expired); the money is in Payments.</summary>
    public async Task QueuePaidAfterClosingAsync(SecureMessage message, string closed, string amount, CancellationToken cancellationToken)
    {
        if (await SenderEmailAsync(message, cancellationToken) is not { } to)
        {
            return;
        }

        var draft = await composer.ComposeAsync(
            SecureMailTemplates.PaidAfterClosingName,
            [to],
            new Dictionary<string, object?>
            {
                ["recipient"] = message.RecipientEmail,
                ["subject"] = message.Subject,
                ["amount"] = amount,
                ["closed"] = closed,
                ["link"] = SentItemLink(message.Id),
            },
            cancellationToken);
        await outbox.QueueAsync(draft with { Id = DerivedId(SecureMailTemplates.PaidAfterClosingName, message.Id) }, cancellationToken);
    }

    public async Task QueueReplyAsync(SecureMessage message, Guid replyId, CancellationToken cancellationToken)
    {
        if (await SenderEmailAsync(message, cancellationToken) is not { } to)
        {
            return;
        }

        var draft = await composer.ComposeAsync(
            SecureMailTemplates.ReplyName,
            [to],
            new Dictionary<string, object?>
            {
                ["recipient"] = message.RecipientEmail,
                ["subject"] = message.Subject,
                ["link"] = SentItemLink(message.Id),
            },
            cancellationToken);
        await outbox.QueueAsync(draft with { Id = DerivedId(SecureMailTemplates.ReplyName, replyId) }, cancellationToken);
    }

    public static string KindText(SecureMessageKind kind) => kind switch
    {
        SecureMessageKind.PaymentRequest => "Secure payment request",
        _ => "Secure e-mail",
    };

    private async Task<string?> SenderEmailAsync(SecureMessage message, CancellationToken cancellationToken)
        => await users.FindAsync(message.SenderId, cancellationToken) is { IsDisabled: false } sender ? sender.Email : null;

    private static Guid DerivedId(string template, Guid id)
        => new(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{template}:{id:N}")).AsSpan(0, 16));
}
