namespace Portal.Identity.Models;

/// <summary>
/// A signed-in session, kept on the server: the browser's cookie holds only its key. Deleting the
/// row ends the session at once (sign-out, disabled user, password change, sign out everywhere).
/// </summary>
public sealed class UserSession
{
    /// <summary>Random, 256 bits, base64url.</summary>
    public string Id { get; set; } = "";

    public Guid UserId { get; set; }

    /// <summary>The serialized authentication ticket.</summary>
    public byte[] Ticket { get; set; } = [];

    public DateTime CreatedAt { get; set; }

    public DateTime LastActivityAt { get; set; }

    public DateTime ExpiresAt { get; set; }

    public string? IpAddress { get; set; }

    public string? UserAgent { get; set; }
}
