namespace Portal.Core.Data;

/// <summary>An ASP.NET Core data-protection key, kept in the host store so every server shares it.</summary>
public sealed class DataProtectionKeyRecord
{
    public Guid Id { get; set; }

    public string? FriendlyName { get; set; }

    public string Xml { get; set; } = "";
}
