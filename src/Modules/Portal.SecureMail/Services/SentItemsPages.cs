namespace Portal.SecureMail.Services;

/// <summary>The Razor page names of the sent-items dashboard and of the compose page it links to.</summary>
public static class SentItemsPages
{
    public const string List = "/Admin/SecureMail/SentItems/Index";
    public const string Details = "/Admin/SecureMail/SentItems/Details";

    /// <summary>The compose page (built alongside); "copy as new" passes <see cref="CopyOfParameter"/>.</summary>
    public const string Compose = "/Admin/SecureMail/Compose";
    public const string CopyOfParameter = "copyOf";
}
