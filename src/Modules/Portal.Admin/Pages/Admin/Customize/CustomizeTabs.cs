namespace Portal.Admin.Pages.Admin.Customize;

/// <summary>What the Customize tabs need to know about other modules, by name only (Admin references none of them).</summary>
internal static class CustomizeTabs
{
    /// <summary>Portal.Messages' feature: its Contact reasons page is a tab when the practice has it on.</summary>
    public const string MessagesFeature = "Portal.Messages";
}
