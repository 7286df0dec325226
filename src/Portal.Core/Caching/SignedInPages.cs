namespace Portal.Core.Caching;

/// <summary>
/// The output-cache policy a signed-in page opts into with
/// <c>[OutputCache(PolicyName = SignedInPages.Policy)]</c> (<see cref="SignedInPageCachePolicy"/>). Only a
/// page whose answer depends on nothing but the practice's data and settings, the practice's date, the
/// request (address, cookies) and the signed-in user may opt in: a page that writes on GET, or shows the
/// time of day, may not.
/// </summary>
public static class SignedInPages
{
    public const string Policy = "signed-in-page";
}
