using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Tenancy;
using Portal.SecureMail.Data;
using Portal.SecureMail.Services;
using Portal.Tests.Infrastructure;
using Portal.Tests.SecureMail;

namespace Portal.Tests.Web;

/// <summary>Sample secure e-mails for <see cref="PageSweep"/>'s routes.</summary>
internal static class SecureMailSweepSamples
{
    /// <summary>A locked secure e-mail sent by <paramref name="senderId"/>, so its page shows every button.</summary>
    public static Task<Guid> SentItemAsync(PortalApplication app, TenantDescriptor practice, Guid senderId)
        => app.InPracticeAsync(practice, async sp =>
        {
            var now = app.Clock.GetUtcNow().UtcDateTime;
            var message = SentItemsScenario.NewMessage(senderId, now, SecureMessageTokens.NewToken());
            message.SealedBody = sp.GetRequiredService<SecureMessageSealing>().Seal(message.Id, "Sweep sample");
            message.LockedAt = now;
            var db = sp.GetRequiredService<SecureMailDbContext>();
            db.Messages.Add(message);
            await db.SaveChangesAsync();
            return message.Id;
        });
}
