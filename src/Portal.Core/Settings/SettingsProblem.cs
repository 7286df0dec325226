using System.Text.Json;

namespace Portal.Core.Settings;

/// <summary>
/// What is wrong with one field of a settings section. <see cref="Field"/> is the field's JSON name
/// (<c>primaryColor</c>): recipes report it as <c>branding.primaryColor</c>, pages put the message at
/// their input for it.
/// </summary>
public sealed record SettingsProblem(string Field, string Message)
{
    /// <summary>A problem with the property <paramref name="propertyName"/> (use <c>nameof</c>).</summary>
    public static SettingsProblem Of(string propertyName, string message) => new(JsonNamingPolicy.CamelCase.ConvertName(propertyName), message);
}
