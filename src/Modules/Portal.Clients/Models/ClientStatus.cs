namespace Portal.Clients.Models;

/// <summary>Archived clients stay on record (and in their portal) but drop out of everyday lists and portal users' view.</summary>
public enum ClientStatus
{
    Active,
    Archived,
}
