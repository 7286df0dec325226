namespace Portal.Clients.Models;

/// <summary>One of a client's e-mail addresses; <see cref="Position"/> keeps the order they were given in (the first is the main one).</summary>
public sealed class ClientEmail
{
    public Guid Id { get; set; }

    public Guid ClientId { get; set; }

    public string Email { get; set; } = "";

    public int Position { get; set; }
}
