namespace Portal.Core.Settings;

/// <summary>A section after a change (<see cref="SettingsSectionDescriptor.Apply"/>), or what is wrong with the change.</summary>
public sealed record SettingsChange(object? Value, IReadOnlyList<SettingsProblem> Problems)
{
    public bool Succeeded => Value is not null && Problems.Count == 0;
}
