using System.ComponentModel.DataAnnotations;

namespace Portal.Core.Settings;

/// <summary>General facts about the practice shown on its site and in its e-mails.</summary>
public sealed record SiteSettings : ISettingsSection
{
    public const int MaxEmailLength = 320;
    public const int MaxPhoneLength = 50;
    public const int MaxTextLength = 500;
    public const int MaxWebsiteLength = 300;

    public static string SectionName => "site";

    public string? ContactEmail { get; init; }

    public string? ContactPhone { get; init; }

    public string? Address { get; init; }

    public string? WebsiteUrl { get; init; }

    /// <summary>IANA time zone used to show dates to the practice's users.</summary>
    public string TimeZone { get; init; } = "UTC";

    /// <summary>Office hours as the practice writes them ("Monday to Friday, 9:00 to 17:00"), shown with its contact details.</summary>
    public string? Hours { get; init; }

    /// <summary>Shown on the practice's home page above the sign-in button.</summary>
    public string? Welcome { get; init; }

    public static IEnumerable<SettingsProblem> Validate(SiteSettings site)
    {
        if (site.ContactEmail is { } email && (email.Length > MaxEmailLength || !new EmailAddressAttribute().IsValid(email)))
        {
            yield return SettingsProblem.Of(nameof(ContactEmail), "must be an e-mail address such as office@yourpractice.com.");
        }

        if (site.ContactPhone is { Length: > MaxPhoneLength })
        {
            yield return SettingsProblem.Of(nameof(ContactPhone), $"must be at most {MaxPhoneLength} characters.");
        }

        if (site.Address is { Length: > MaxTextLength })
        {
            yield return SettingsProblem.Of(nameof(Address), $"must be at most {MaxTextLength} characters.");
        }

        if (site.WebsiteUrl is { } url
            && (url.Length > MaxWebsiteLength || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps || uri.Host.Length == 0))
        {
            yield return SettingsProblem.Of(nameof(WebsiteUrl), "must be a web address starting with https://.");
        }

        if (string.IsNullOrEmpty(site.TimeZone) || !TimeZoneInfo.TryFindSystemTimeZoneById(site.TimeZone, out _))
        {
            yield return SettingsProblem.Of(nameof(TimeZone), "must be a time zone such as America/Toronto.");
        }

        if (site.Hours is { Length: > MaxTextLength })
        {
            yield return SettingsProblem.Of(nameof(Hours), $"must be at most {MaxTextLength} characters.");
        }

        if (site.Welcome is { Length: > MaxTextLength })
        {
            yield return SettingsProblem.Of(nameof(Welcome), $"must be at most {MaxTextLength} characters.");
        }
    }
}
