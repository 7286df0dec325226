namespace Portal.Web.HostAdmin;

/// <summary>Append-only trail of who set or cleared a platform secret, and when (never the value).</summary>
public sealed class PlatformSecretChange
{
    public const string Set = "set";
    public const string Cleared = "cleared";

    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    public string Action { get; set; } = "";

    public Guid? OperatorId { get; set; }

    public DateTime At { get; set; }
}
