namespace Portal.Tasks.Models;

public enum TaskState
{
    Open,

    /// <summary>Marked done by the client, or completed by its last request item.</summary>
    Done,

    /// <summary>Closed by staff without being done.</summary>
    Closed,
}
