namespace Portal.Core.Navigation;

/// <summary>
/// The TempData entries the layouts show after a redirect: one name for the writer (a page model or
/// an endpoint) and the reader (the admin and client layouts), so a misspelt key cannot drop a
/// message silently.
/// </summary>
public static class TempDataKeys
{
    /// <summary>A confirmation that something was done, shown as a status alert.</summary>
    public const string Status = "Status";

    /// <summary>Why something was not done, shown as an error alert.</summary>
    public const string Error = "Error";
}
