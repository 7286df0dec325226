using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Portal.Core.Links;

namespace Portal.Tasks.Services;

/// <summary>
/// The one-time link in a request reminder: issued when the reminder is sent, for one user and one request
/// (the subject is made from both, so a newer reminder ends the older link of that pair only), expiring,
/// used once. It leads its person to the request; within <see cref="SignInWindow"/> of being sent it also
/// signs a client user in who has nothing more than a password (the Link page and IMailboxLinkSignIn).
/// </summary>
public sealed class RequestLinks(IOneTimeLinks links)
{
    public const string Purpose = "tasks.request";

    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    /// <summary>
    /// How long after it was sent the link signs its person in, like a password-reset link; older, it
    /// still leads to the request after a normal sign-in (a forwarded or archived e-mail is no key for a week).
    /// </summary>
    public static readonly TimeSpan SignInWindow = TimeSpan.FromHours(24);

    public Task<string> IssueAsync(Guid taskId, Guid userId, CancellationToken cancellationToken)
        => links.IssueAsync(new OneTimeLinkRequest(Purpose, SubjectOf(taskId, userId), Lifetime, Data(taskId, userId)), cancellationToken);

    /// <summary>Looks a reminder link up without using it.</summary>
    public Task<OneTimeLinkCheck> CheckAsync(string? token, CancellationToken cancellationToken)
        => links.CheckAsync(Purpose, token, cancellationToken);

    /// <summary>Uses the link; false when it was used, expired or revoked in the meantime.</summary>
    public Task<bool> RedeemAsync(Guid linkId, CancellationToken cancellationToken) => links.RedeemAsync(linkId, cancellationToken);

    public static Guid SubjectOf(Guid taskId, Guid userId)
        => new(SHA256.HashData(Encoding.UTF8.GetBytes($"{Purpose}|{taskId:N}|{userId:N}")).AsSpan(0, 16));

    public static string Data(Guid taskId, Guid userId) => string.Create(CultureInfo.InvariantCulture, $"{taskId:N}:{userId:N}");

    public static bool TryRead(string? data, out Guid taskId, out Guid userId)
    {
        taskId = default;
        userId = default;
        var parts = (data ?? "").Split(':');
        return parts.Length == 2 && Guid.TryParseExact(parts[0], "N", out taskId) && Guid.TryParseExact(parts[1], "N", out userId);
    }
}
