namespace Portal.Core.Contracts;

/// <summary>
/// The kinds of thing audit events are about (<see cref="AuditEntry.TargetType"/>), shared because the
/// module that records an event and the one that names its target (<see cref="IAuditTargetNames"/>) must agree.
/// </summary>
public static class AuditTargetTypes
{
    public const string User = "user";
    public const string Role = "role";
    public const string Client = "client";
    public const string Portal = "portal";
    public const string Document = "document";
    public const string Folder = "folder";
    public const string Settings = "settings";
    public const string MailTemplate = "mail-template";

    /// <summary>A website origin (a login widget form from it refused); it names itself.</summary>
    public const string Website = "website";

    /// <summary>A request path (refused access); it names itself.</summary>
    public const string Path = "path";
}
