namespace Portal.Identity.Models;

public enum UserKind
{
    /// <summary>Works at the practice; reaches /admin according to their roles.</summary>
    Staff,

    /// <summary>A client's person; reaches the client site only.</summary>
    Client,
}
