using System.Text.Json;
using System.Text.Json.Serialization;

namespace PortalSync.Storage;

/// <summary>The JSON shape of the program's own files and of the portal's API (camelCase).</summary>
internal static class JsonFiles
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static async Task<T?> ReadAsync<T>(string path, CancellationToken cancellationToken)
        where T : class
    {
        if (!File.Exists(path))
        {
            return null;
        }

        await using var stream = File.OpenRead(path);
        try
        {
            return await JsonSerializer.DeserializeAsync<T>(stream, Options, cancellationToken);
        }
        catch (JsonException)
        {
            throw new Hosting.FatalException($"{path} is damaged; delete it and run the command again.");
        }
    }

    public static Task WriteAsync<T>(string path, T value, CancellationToken cancellationToken)
        => PrivateFile.WriteAllTextAsync(path, JsonSerializer.Serialize(value, Options), cancellationToken);
}
