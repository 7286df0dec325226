namespace Portal.Core.Data;

/// <summary>Configuration section <c>Portal:AppData</c>: where files on disk live.</summary>
public sealed class AppDataOptions
{
    public const string Section = "Portal:AppData";

    /// <summary>Root folder for SQLite files, the mail pickup folder and stored documents. Relative paths
    /// are resolved against the content root.</summary>
    public string Path { get; set; } = "App_Data";
}
