namespace Portal.Core.Caching;

/// <summary>Configuration section <c>Portal:PageCache</c>: copies of signed-in pages kept by this server (<see cref="SignedInPageCachePolicy"/>).</summary>
public sealed class PageCacheOptions
{
    public const string Section = "Portal:PageCache";

    public bool Enabled { get; set; } = true;

    /// <summary>The longest a copy is served. Any change to the practice's data or settings retires it
    /// sooner; the limit is for what the page shows without it being practice data (the clock).</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Memory all copies may take together; the least used go first.</summary>
    public int SizeLimitMegabytes { get; set; } = 64;
}
