using Portal.Core.Settings;

namespace Portal.Admin.GettingStarted;

/// <summary>
/// What the practice's administrators said in the getting-started assistant (one record per practice,
/// shared by all of them): the portal address read, steps skipped, the assistant hidden. Whether the
/// other steps are done is never stored: it is read from the practice's real state each time.
/// </summary>
public sealed record GettingStartedProgress : ISettingsSection
{
    public static string SectionName => "getting-started";

    /// <summary>An administrator has read that the portal's address is fixed.</summary>
    public bool AddressConfirmed { get; init; }

    /// <summary>The steps (<see cref="GettingStartedStep"/> names) set aside for now; shown as skipped, not as left to do.</summary>
    public IReadOnlyList<string> Skipped { get; init; } = [];

    /// <summary>Hidden from the dashboard (the assistant itself stays in the menu, to resume).</summary>
    public bool Dismissed { get; init; }

    public bool IsSkipped(GettingStartedStep step) => Skipped.Contains(step.ToString(), StringComparer.Ordinal);

    public static IEnumerable<SettingsProblem> Validate(GettingStartedProgress progress)
    {
        if (progress.Skipped.Any(name => !Enum.TryParse<GettingStartedStep>(name, ignoreCase: false, out _)))
        {
            yield return SettingsProblem.Of(nameof(Skipped), $"must name steps of the assistant: {string.Join(", ", Enum.GetNames<GettingStartedStep>())}.");
        }
    }
}
