namespace Portal.Tasks.Models;

public enum RequestItemState
{
    Waiting,

    /// <summary>A file arrived against it.</summary>
    Received,

    /// <summary>The client said "I don't have this"; staff have not answered yet.</summary>
    NotAvailable,

    /// <summary>Staff accepted the client's note.</summary>
    Accepted,
}
