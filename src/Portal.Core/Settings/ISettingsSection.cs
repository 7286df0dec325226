namespace Portal.Core.Settings;

/// <summary>A typed settings section; the name is its key in the practice's settings table.</summary>
public interface ISettingsSection
{
    static abstract string SectionName { get; }
}
