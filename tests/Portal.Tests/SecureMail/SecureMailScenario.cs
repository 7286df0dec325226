using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Modules;
using Portal.Core.Tenancy;
using Portal.Identity.Models;
using Portal.SecureMail.Data;
using Portal.SecureMail.Models;
using Portal.SecureMail.Services;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.SecureMail;

/// <summary>A practice with secure e-mail on, its administrator signed in, and ways to compose through the page or place a message directly.</summary>
internal sealed record SecureMailScenario(PortalApplication App, TenantDescriptor Practice, PortalUser Admin, HttpClient AdminBrowser)
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
        return new SecureMailScenario(app, practice, admin, await app.SignedInClientAsync(practice, admin));
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
        message.PasswordHash = SecureMessagePasswords.Hash(message, Password);
        adjust?.Invoke(message);
        db.Messages.Add(message);
        await db.SaveChangesAsync();
        return (id, token);
    }

    public static string OpenPath(string token) => $"secure-mail/open?token={Uri.EscapeDataString(token)}";
}
