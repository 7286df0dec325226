using System.Text.Json;
using System.Text.Json.Serialization;

namespace Portal.Core.Settings;

/// <summary>
/// How sections are written as JSON inside the store. Only these options know <see cref="SecretString"/>
/// (as its plain text, which <see cref="SettingsSecrets"/> replaces with the sealed form before
/// anything is written), so serializing a section anywhere else never reveals a secret.
/// </summary>
internal static class SettingsJson
{
    /// <summary>Stored rows: fields a newer or older version no longer has are skipped.</summary>
    public static readonly JsonSerializerOptions Stored = Create(JsonUnmappedMemberHandling.Skip);

    /// <summary>Recipe values: a field the section does not have is an error naming it.</summary>
    public static readonly JsonSerializerOptions Strict = Create(JsonUnmappedMemberHandling.Disallow);

    private static JsonSerializerOptions Create(JsonUnmappedMemberHandling unmapped) => new(JsonSerializerDefaults.Web)
    {
        WriteIndented = false,
        UnmappedMemberHandling = unmapped,
        Converters = { new SecretStringConverter() },
    };

    private sealed class SecretStringConverter : JsonConverter<SecretString>
    {
        public override SecretString? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
            => reader.TokenType == JsonTokenType.String
                ? reader.GetString() is { Length: > 0 } value ? new SecretString(value) : null
                : throw new JsonException("A secret is written as a string.");

        public override void Write(Utf8JsonWriter writer, SecretString value, JsonSerializerOptions options)
            => writer.WriteStringValue(value.Reveal());
    }
}
