using System.Globalization;

namespace Portal.E2E.Infrastructure;

/// <summary>
/// A class fixture: one application on SQLite with the demo practice whose set-password (invitation)
/// links stop working <see cref="InvitationLifetime"/> after they are issued
/// (Portal:Identity:InvitationLifetime), so a test can see a link expire. Log: artifacts/logs/e2e-short-links-sqlite.log.
/// </summary>
public sealed class ShortInvitationLinksAppFixture() : AppFixture(
    "short-links-sqlite",
    new Dictionary<string, string>
    {
        ["Portal__Identity__InvitationLifetime"] = InvitationLifetime.ToString("c", CultureInfo.InvariantCulture),
    })
{
    public static readonly TimeSpan InvitationLifetime = TimeSpan.FromSeconds(6);
}
