using Portal.Core.Settings;

namespace Portal.Core.LoginWidget;

/// <summary>
/// The websites on which the practice's sign-in widget may be used: the widget's sign-in accepts a
/// form only when the browser says it comes from one of these origins (see docs/architecture.md,
/// "Login widget").
/// </summary>
public sealed record LoginWidgetSettings : ISettingsSection
{
    public const int MaxOrigins = 20;

    /// <summary>The name of the endpoint the widget's form posts to (Identity maps it; the admin page links to it by name).</summary>
    public const string SignInEndpointName = "WidgetSignIn";

    public static string SectionName => "login-widget";

    /// <summary>Origins such as <c>https://www.example.com</c>, as <see cref="WebsiteOrigin.Parse"/> writes them.</summary>
    public IReadOnlyList<string> Origins { get; init; } = [];

    /// <summary>Whether a request whose origin is <paramref name="origin"/> (already in <see cref="WebsiteOrigin"/>'s form) may sign in through the widget.</summary>
    public bool Allows(string? origin) => origin is not null && Origins.Contains(origin, StringComparer.Ordinal);

    public static IEnumerable<SettingsProblem> Validate(LoginWidgetSettings widget)
    {
        if (widget.Origins is null)
        {
            yield return SettingsProblem.Of(nameof(Origins), "must be a list of website addresses.");
            yield break;
        }

        if (widget.Origins.Count > MaxOrigins)
        {
            yield return SettingsProblem.Of(nameof(Origins), $"may hold at most {MaxOrigins} website addresses.");
            yield break;
        }

        foreach (var origin in widget.Origins)
        {
            var (parsed, problem) = WebsiteOrigin.Parse(origin);
            if (problem is not null)
            {
                yield return SettingsProblem.Of(nameof(Origins), $"“{Shorten(origin)}” {problem}");
                yield break;
            }

            if (parsed != origin)
            {
                yield return SettingsProblem.Of(nameof(Origins), $"“{Shorten(origin)}” must be written as {parsed}.");
                yield break;
            }
        }
    }

    private static string Shorten(string? text) => text is null ? "" : text.Length > 60 ? text[..60] + "…" : text;
}
