using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Audit.Data;
using Portal.Billing.Models;
using Portal.Billing.Services;
using Portal.Core.Modules;
using Portal.Core.Tenancy;
using Portal.Identity.Models;
using Portal.SecureMail.Data;
using Portal.SecureMail.Models;
using Portal.SecureMail.Services;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.SecureMail;

/// <summary>
/// A practice with every feature on, an administrator and secure messages written straight into its
/// tables (each status needs timestamps that only a recipient, a mail server or Billing would set).
/// </summary>
internal sealed class SentItemsScenario
{
    private SentItemsScenario(PortalApplication app, TenantDescriptor practice, PortalUser admin)
    {
        App = app;
        Practice = practice;
        Admin = admin;
    }

    public PortalApplication App { get; }

    public TenantDescriptor Practice { get; }

    public PortalUser Admin { get; }

    public static async Task<SentItemsScenario> CreateAsync(PortalApplication app)
    {
        var practice = await app.CreatePracticeAsync();
        var all = app.Get<ModuleCatalog>().Features.Ordered.Select(f => f.Id).ToList();
        await app.InPracticeAsync(practice, sp => sp.GetRequiredService<TenantFeatures>().EnableAsync(all, default));
        practice = app.Get<TenantRegistry>().Find(practice.Name)!;
        return new SentItemsScenario(app, practice, await app.AddAdministratorAsync(practice));
    }

    /// <summary>A staff member (the Staff role: Send, not Manage) at the given payment level.</summary>
    public async Task<PortalUser> StaffAsync(PaymentLevel level = PaymentLevel.None)
    {
        var staff = await App.AddStaffAsync(Practice);
        if (level != PaymentLevel.None)
        {
            Assert.True(await App.InPracticeAsync(Practice, sp => sp.GetRequiredService<PaymentLevels>().SetAsync(staff.Id, level)));
        }

        return staff;
    }

    /// <summary>A message as SecureMessageSender would have stored it, sent by <paramref name="senderId"/>; <paramref name="shape"/> sets what happened to it since.</summary>
    public async Task<SecureMessage> AddAsync(Guid senderId, Action<SecureMessage>? shape = null, string? token = null)
    {
        var now = App.Clock.GetUtcNow().UtcDateTime;
        var message = NewMessage(senderId, now, token ?? SecureMessageTokens.NewToken());
        shape?.Invoke(message);
        await App.InPracticeAsync(Practice, async sp =>
        {
            var db = sp.GetRequiredService<SecureMailDbContext>();
            message.SealedBody = sp.GetRequiredService<SecureMessageSealing>().Seal(message.Id, "The text of the message.");
            db.Messages.Add(message);
            await db.SaveChangesAsync();
        });
        return message;
    }

    public Task<SecureMessage> ReloadAsync(Guid id)
        => App.InPracticeAsync(Practice, sp => sp.GetRequiredService<SecureMailDbContext>().Messages.AsNoTracking().SingleAsync(m => m.Id == id));

    public Task<List<string>> AuditActionsForAsync(Guid id)
        => App.InPracticeAsync(Practice, sp => sp.GetRequiredService<AuditDbContext>().Events.AsNoTracking()
            .Where(e => e.TargetId == id.ToString()).OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync());

    public static SecureMessage NewMessage(Guid senderId, DateTime now, string token) => new()
    {
        Id = Guid.CreateVersion7(),
        Kind = SecureMessageKind.SecureEmail,
        SenderId = senderId,
        SenderName = "Sender",
        RecipientEmail = $"recipient-{Guid.NewGuid():N}@example.com",
        Subject = "Your tax return",
        Hint = "Your dog's name",
        PasswordHash = "not a hash: these rows are never unlocked",
        TokenHash = SecureMessageTokens.Hash(token),
        SessionStamp = Guid.NewGuid().ToString("N"),
        ExpiresAt = now.AddDays(30),
        CreatedAt = now,
        SentAt = now,
        SendCount = 1,
    };

    public static void AsPaymentRequest(SecureMessage message, string invoiceNumber, long amount)
    {
        message.Kind = SecureMessageKind.PaymentRequest;
        message.InvoiceNumber = invoiceNumber;
        message.Amount = amount;
        message.Currency = "CAD";
    }
}
