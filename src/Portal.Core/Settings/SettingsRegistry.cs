namespace Portal.Core.Settings;

/// <summary>Every settings section the modules registered, by name; a section nobody registered does not exist.</summary>
public sealed class SettingsRegistry
{
    private readonly Dictionary<string, SettingsSectionDescriptor> _byName = new(StringComparer.Ordinal);

    public SettingsRegistry(IEnumerable<SettingsSectionDescriptor> sections)
    {
        foreach (var section in sections)
        {
            if (_byName.TryGetValue(section.Name, out var existing))
            {
                if (existing.Type == section.Type)
                {
                    continue;
                }

                throw new InvalidOperationException($"Settings section '{section.Name}' is registered twice: by {existing.Type.FullName} and by {section.Type.FullName}.");
            }

            _byName[section.Name] = section;
        }
    }

    public IEnumerable<SettingsSectionDescriptor> Sections => _byName.Values.OrderBy(s => s.Name, StringComparer.Ordinal);

    public SettingsSectionDescriptor? Find(string name) => _byName.GetValueOrDefault(name);

    public SettingsSectionDescriptor Get<T>()
        where T : class, ISettingsSection, new()
        => _byName.TryGetValue(T.SectionName, out var section) && section.Type == typeof(T)
            ? section
            : throw new InvalidOperationException(
                $"Settings section {typeof(T).Name} ('{T.SectionName}') is not registered: its module's Startup calls services.AddSettingsSection<{typeof(T).Name}>().");
}
