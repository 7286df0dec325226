namespace Portal.Clients.Models;

public enum ClientKind
{
    Individual,
    Business,
}
