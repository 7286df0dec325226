namespace Portal.Identity.Models;

/// <summary>
/// A one-time link sent by e-mail (set a password, accept an invitation, confirm an address). Only a
/// SHA-256 of the token is stored; the token itself exists only in the e-mail.
/// </summary>
public sealed class AccountToken
{
    public Guid Id { get; set; }

    public Guid UserId { get; set; }

    public AccountTokenPurpose Purpose { get; set; }

    /// <summary>Hex SHA-256 of the token.</summary>
    public string TokenHash { get; set; } = "";

    /// <summary>For e-mail changes: the address being confirmed.</summary>
    public string? Data { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime ExpiresAt { get; set; }

    public DateTime? UsedAt { get; set; }
}

public enum AccountTokenPurpose
{
    SetPassword,
    ResetPassword,
    ConfirmEmailChange,
}
