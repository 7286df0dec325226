using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Billing.Models;
using Portal.Billing.Payments;
using Portal.Core.Contracts;
using Portal.Core.Modules;
using Portal.Core.Settings;
using Portal.Core.Tenancy;
using Portal.Identity.Models;
using Portal.SecureMail.Data;
using Portal.SecureMail.Models;
using Portal.SecureMail.Services;
using Portal.Tests.Documents;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.SecureMail;

/// <summary>
/// A practice with secure e-mail on, its administrator signed in, and ways to compose through the page or place a
/// message directly. The practice is onboarded on the Stripe emulator and takes CAD online, passing Stripe's fee
/// (2.9% + 0.50) to its clients, so payment requests go through the real Billing; quotas are the real Plans'.
/// </summary>
internal sealed record SecureMailScenario(PortalApplication App, TenantDescriptor Practice, PortalUser Admin, HttpClient AdminBrowser, string StripeAccount)
{
    public const string ComposePath = "admin/secure-mail/compose";
    public const string Password = "Maple-Syrup-1867";
    public const string Hint = "Our cottage lake and the year of Confederation";

    public static async Task<SecureMailScenario> CreateAsync(PortalApplication app)
    {
        var practice = await app.CreatePracticeAsync();
        await app.InPracticeAsync(practice, sp => sp.GetRequiredService<TenantFeatures>().EnableAsync([Portal.SecureMail.Manifest.Feature], default));
        practice = app.Get<TenantRegistry>().Find(practice.Name)!;
        var admin = await app.AddAdministratorAsync(practice);
        var onboarded = await app.InPracticeAsync(practice, sp => sp.GetRequiredService<EmulatorOnboarding>()
            .CompleteAsync(practice.DisplayName, new OnboardingUrls("http://localhost/admin/billing/setup-payments", "http://localhost/admin/billing/setup-payments/refresh")));
        Assert.True(onboarded.Succeeded, string.Join(" ", onboarded.Errors.Select(e => e.Message)));
        await app.InPracticeAsync(practice, async sp =>
        {
            var store = sp.GetRequiredService<SiteSettingsStore>();
            await store.SaveAsync((await store.GetAsync<PaymentSettings>()) with { PaymentsEnabled = true, PassFeeToClient = true, FeeCapPercent = null });
            return true;
        });
        return new SecureMailScenario(app, practice, admin, await app.SignedInClientAsync(practice, admin), onboarded.Value!.StripeAccountId);
    }

    /// <summary>Uses up <paramref name="count"/> of the practice's secure payment request units, as sent requests do.</summary>
    public Task UseQuotaAsync(int count) => InPracticeAsync(async sp =>
    {
        for (var i = 0; i < count; i++)
        {
            Assert.True((await sp.GetRequiredService<IPlanQuotas>().TryConsumeAsync(PlanQuota.SecurePaymentRequests, $"used-{Guid.NewGuid():N}")).Allowed);
        }

        return true;
    });

    /// <summary>The quota units the practice's requests hold now (one usage row per unit).</summary>
    public async Task<List<string>> QuotaReferencesAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Portal.Plans.Data.PlansDbContext>().QuotaUsages.AsNoTracking()
            .Where(u => u.TenantId == Practice.Id && u.Quota == PlanQuota.SecurePaymentRequests).Select(u => u.Reference).ToListAsync();
    }

    public Task<T> InPracticeAsync<T>(Func<IServiceProvider, Task<T>> work) => App.InPracticeAsync(Practice, work);

    /// <summary>The compose form posted as a browser posts it (multipart, with the page's antiforgery token).</summary>
    public async Task<HttpResponseMessage> ComposeAsync(Dictionary<string, string> fields, params (string Name, byte[] Content)[] files)
    {
        var token = await AdminBrowser.AntiforgeryTokenAsync(ComposePath);
        using var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        foreach (var (name, bytes) in files)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            content.Add(file, "attachments", name);
        }

        return await AdminBrowser.PostAsync(ComposePath, content);
    }

    /// <summary>The fields of a valid secure e-mail to <paramref name="recipient"/>.</summary>
    public static Dictionary<string, string> EmailFields(string recipient, string body) => new()
    {
        ["Input.Kind"] = nameof(SecureMessageKind.SecureEmail),
        ["Input.RecipientEmail"] = recipient,
        ["Input.Subject"] = "Your T1 return",
        ["Input.Body"] = body,
        ["Input.Password"] = Password,
        ["Input.Hint"] = Hint,
        ["Input.ExpiresOn"] = DateTime.UtcNow.AddDays(10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["Input.NotifyWhenOpened"] = "true",
    };

    /// <summary>A message placed as the sender stores one (sealed body, hashed token and password), with its token; <paramref name="adjust"/> changes it first.</summary>
    public Task<(Guid Id, string Token)> PlaceAsync(Action<SecureMessage>? adjust = null)
        => InPracticeAsync(sp => PlaceAsync(sp, Admin.Id, Admin.Email!, adjust));

    /// <summary>The same in any practice's scope (the page sweep needs one for the unlock page).</summary>
    public static async Task<(Guid Id, string Token)> PlaceAsync(IServiceProvider sp, Guid senderId, string senderName, Action<SecureMessage>? adjust = null)
    {
        var db = sp.GetRequiredService<SecureMailDbContext>();
        var token = SecureMessageTokens.NewToken();
        var id = Guid.CreateVersion7();
        var message = new SecureMessage
        {
            Id = id,
            Kind = SecureMessageKind.SecureEmail,
            SenderId = senderId,
            SenderName = senderName,
            RecipientEmail = $"r{Guid.NewGuid():N}@example.com",
            Subject = "Placed message",
            SealedBody = sp.GetRequiredService<SecureMessageSealing>().Seal(id, "The placed secret text"),
            Hint = Hint,
            TokenHash = SecureMessageTokens.Hash(token),
            SessionStamp = Guid.NewGuid().ToString("N"),
            CreatedAt = DateTime.UtcNow,
            SentAt = DateTime.UtcNow,
            ExpiresAt = DateTime.UtcNow.AddDays(30),
        };
        message.PasswordHash = sp.GetRequiredService<SecureMessagePasswords>().Hash(message, Password);
        adjust?.Invoke(message);
        db.Messages.Add(message);
        await db.SaveChangesAsync();
        return (id, token);
    }

    /// <summary>A payment request of 150.00 CAD (fee included) for a new client of the practice, placed as the sender stores one.</summary>
    public async Task<(Guid Id, string Token)> PlacePaymentRequestAsync(Action<SecureMessage>? adjust = null)
    {
        var user = await App.AddClientAsync(Practice);
        var clientId = await InPracticeAsync(sp => ClientsFixtures.CreateClientInPortalAsync(sp, $"Client {Guid.NewGuid():N}"[..20], [(user.Id, ClientAccessLevel.Full)]));
        return await PlaceAsync(m =>
        {
            m.Kind = SecureMessageKind.PaymentRequest;
            m.ClientId = clientId;
            m.Amount = 15_000;
            m.Currency = "CAD";
            m.IncludeFee = true;
            m.Fee = 500;
            m.InvoiceNumber = "INV-PLACED";
            adjust?.Invoke(m);
        });
    }

    /// <summary>The request's Checkout attempt (its last) in the books.</summary>
    public Task<CheckoutAttempt> CheckoutAttemptAsync(Guid requestId)
        => InPracticeAsync(sp => sp.GetRequiredService<Portal.Billing.Data.BillingDbContext>().CheckoutAttempts.AsNoTracking()
            .Where(a => a.PaymentRequestId == requestId).OrderByDescending(a => a.CreatedAt).FirstAsync());

    /// <summary>The request's last Checkout Session as Stripe (the emulator) holds it now.</summary>
    public async Task<Stripe.Checkout.Session> CheckoutSessionAsync(Guid requestId)
    {
        var attempt = await CheckoutAttemptAsync(requestId);
        return await InPracticeAsync(async sp => (await sp.GetRequiredService<CheckoutSessions>().RetrieveAsync(attempt.SessionId!, StripeAccount, default)).Value!);
    }

    public static string OpenPath(string token) => $"secure-mail/open?token={Uri.EscapeDataString(token)}";
}
