using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Portal.Core.Settings;

/// <summary>
/// A settings section a module registered (<see cref="SettingsServiceCollectionExtensions.AddSettingsSection{T}"/>):
/// its name, record type, fields, defaults (the record's own initial values: <c>new T()</c> is the one
/// place a default is written) and validator. The store, the recipe step and the admin pages all go
/// through it, so a field the section does not have is refused wherever it comes from.
/// </summary>
public sealed partial class SettingsSectionDescriptor
{
    private readonly Func<object> _create;
    private readonly Func<object, IEnumerable<SettingsProblem>> _validate;
    private readonly Dictionary<string, SettingsField> _byName;

    private SettingsSectionDescriptor(string name, Type type, Func<object> create, Func<object, IEnumerable<SettingsProblem>> validate, IReadOnlyList<SettingsField> fields)
    {
        Name = name;
        Type = type;
        _create = create;
        _validate = validate;
        Fields = fields;
        _byName = fields.ToDictionary(f => f.Name, StringComparer.Ordinal);
    }

    /// <summary>The key of the section in the practice's Settings table and in recipes (<c>branding</c>).</summary>
    public string Name { get; }

    public Type Type { get; }

    public IReadOnlyList<SettingsField> Fields { get; }

    /// <summary>
    /// Describes <typeparamref name="T"/>; throws when its name is not lower-case letters, digits and
    /// hyphens, or when it is not immutable (a property with a setter other than <c>init</c>), or
    /// when a <see cref="SecretString"/> is not a field of its own.
    /// </summary>
    public static SettingsSectionDescriptor For<T>(Func<T, IEnumerable<SettingsProblem>>? validate = null)
        where T : class, ISettingsSection, new()
    {
        var type = typeof(T);
        if (!NameShape().IsMatch(T.SectionName))
        {
            throw new InvalidOperationException($"Settings section {type.Name} is named '{T.SectionName}': use 1 to 100 lower-case letters, digits and hyphens, starting with a letter.");
        }

        var fields = new List<SettingsField>();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetCustomAttribute<JsonIgnoreAttribute>() is not null)
            {
                continue;
            }

            if (property.SetMethod is not { IsPublic: true } setter)
            {
                continue;
            }

            if (!setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit)))
            {
                throw new InvalidOperationException($"Settings section {type.Name}: {property.Name} has a setter. Sections are immutable records: use init, and save a changed copy (with {{ ... }}).");
            }

            var name = property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            fields.Add(new SettingsField(name, property, property.PropertyType == typeof(SecretString), property.GetCustomAttribute<SetByPortalAttribute>() is not null));
        }

        return new SettingsSectionDescriptor(
            T.SectionName,
            type,
            () => new T(),
            value => validate is null ? [] : validate((T)value),
            fields);
    }

    /// <summary>A new copy of the defaults (sections may hold collections, so each caller gets its own).</summary>
    public object CreateDefaults() => _create();

    public SettingsField? FindField(string name) => _byName.GetValueOrDefault(name);

    public IReadOnlyList<SettingsProblem> Validate(object value) => _validate(value).ToList();

    /// <summary>
    /// Applies recipe-style field values over <paramref name="basis"/> (the section as it is, or its
    /// defaults): a field the section does not have, one Portal sets itself, a value of the wrong type
    /// and a value the validator refuses each come back as a problem naming the field.
    /// </summary>
    public SettingsChange Apply(object basis, JsonObject values)
    {
        var problems = new List<SettingsProblem>();
        foreach (var (name, _) in values)
        {
            if (FindField(name) is not { } field)
            {
                problems.Add(new SettingsProblem(name, $"is not a setting of '{Name}'. Its settings are: {string.Join(", ", Fields.Where(f => !f.IsSetByPortal).Select(f => f.Name))}."));
            }
            else if (field.IsSetByPortal)
            {
                problems.Add(new SettingsProblem(name, "is set by the portal itself and cannot be given."));
            }
        }

        if (problems.Count > 0)
        {
            return new SettingsChange(null, problems);
        }

        var merged = JsonSerializer.SerializeToNode(basis, Type, SettingsJson.Stored)!.AsObject();
        foreach (var (name, node) in values)
        {
            merged[name] = node?.DeepClone();
        }

        object value;
        try
        {
            value = merged.Deserialize(Type, SettingsJson.Strict) ?? throw new JsonException("The section is empty.");
        }
        catch (JsonException ex)
        {
            // The path ends with the offending property, e.g. "$.templates.welcome.subjct".
            var field = ex.Path is { Length: > 2 } path ? path.TrimStart('$', '.') : Name;
            var problem = ex.Message.Contains("could not be mapped", StringComparison.Ordinal) ? "is not a field this section knows." : "has a value of the wrong type.";
            return new SettingsChange(null, [new SettingsProblem(field, problem)]);
        }

        return new SettingsChange(value, Validate(value));
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{0,99}$", RegexOptions.CultureInvariant)]
    private static partial Regex NameShape();
}
