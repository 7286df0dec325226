namespace Portal.Core.Settings;

/// <summary>A section was saved with values its validator refuses; pages validate first and show the problems at their fields.</summary>
public sealed class SettingsValidationException(string section, IReadOnlyList<SettingsProblem> problems)
    : Exception($"Settings section '{section}' was not saved: " + string.Join(" ", problems.Select(p => $"{p.Field} {p.Message}")))
{
    public string Section { get; } = section;

    public IReadOnlyList<SettingsProblem> Problems { get; } = problems;
}
