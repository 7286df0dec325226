using System.Reflection;

namespace Portal.Core.Settings;

/// <summary>One field of a registered settings section, as recipes and stored JSON name it.</summary>
/// <param name="Name">The JSON name (<c>primaryColor</c>).</param>
/// <param name="IsSecret">A <see cref="SecretString"/>: sealed in the database, never shown back.</param>
/// <param name="IsSetByPortal">Marked <see cref="SetByPortalAttribute"/>: recipes may not set it.</param>
public sealed record SettingsField(string Name, PropertyInfo Property, bool IsSecret, bool IsSetByPortal);
