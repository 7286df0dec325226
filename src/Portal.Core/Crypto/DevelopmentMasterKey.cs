using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Core.Data;

namespace Portal.Core.Crypto;

/// <summary>
/// Lets <c>./run.sh</c> and development work without configuring keys: when no master key is
/// configured (and the environment allows it, see <see cref="EncryptionOptions.GenerateDevelopmentKey"/>),
/// a key is generated once into <c>{AppData}/keys/master-keys.json</c> (mode 600) and reused on later
/// starts. A key next to the data protects nothing against a stolen disk, hence the warning.
/// </summary>
public sealed class DevelopmentMasterKey(IHostEnvironment environment, DatabaseLayout layout, ILogger<DevelopmentMasterKey> logger)
    : IPostConfigureOptions<EncryptionOptions>
{
    /// <summary>Environments that generate a key by default.</summary>
    public static readonly IReadOnlyList<string> Environments = ["Development", "Demo", "Testing"];

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    private readonly Lock _lock = new();
    private EncryptionOptions? _stored;

    public string FilePath => Path.Combine(layout.DataPath, "keys", "master-keys.json");

    public void PostConfigure(string? name, EncryptionOptions options)
    {
        var allowed = !environment.IsProduction()
            && (options.GenerateDevelopmentKey ?? Environments.Contains(environment.EnvironmentName, StringComparer.OrdinalIgnoreCase));
        if (options.MasterKeys.Count > 0 || !allowed)
        {
            return;
        }

        EncryptionOptions stored;
        lock (_lock)
        {
            // Options are built more than once (IOptions, the monitor behind start-up validation): warn once.
            if (_stored is null)
            {
                _stored = LoadOrCreate(FilePath);
                logger.LogWarning(
                    "No master key is configured ({Section}:MasterKeys); using the development key in {File}. "
                    + "Production must configure its own master keys, kept apart from the data.",
                    EncryptionOptions.Section,
                    FilePath);
            }

            stored = _stored;
        }

        options.MasterKeys.AddRange(stored.MasterKeys);
        options.ActiveMasterKeyId = stored.ActiveMasterKeyId;
    }

    private static EncryptionOptions LoadOrCreate(string file)
    {
        for (var attempt = 0; ; attempt++)
        {
            if (File.Exists(file))
            {
                try
                {
                    return JsonSerializer.Deserialize<EncryptionOptions>(File.ReadAllText(file))
                        ?? throw new InvalidOperationException($"{file} is empty.");
                }
                catch (JsonException) when (attempt < 3)
                {
                    // Written elsewhere by hand and saved half-way: give it a moment.
                    Thread.Sleep(100);
                    continue;
                }
            }

            var generated = new EncryptionOptions { ActiveMasterKeyId = "dev-" + DateTime.UtcNow.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture) };
            generated.MasterKeys.Add(new MasterKeyOptions { Id = generated.ActiveMasterKeyId, Key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) });
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            var temporary = file + "." + Guid.NewGuid().ToString("N") + ".tmp";
            var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
            {
                create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var stream = new FileStream(temporary, create))
            {
                JsonSerializer.Serialize(stream, generated, JsonOptions);
                stream.Flush(flushToDisk: true);
            }

            try
            {
                // Never overwrite: a key another server generated a moment ago may already wrap data.
                File.Move(temporary, file, overwrite: false);
                return generated;
            }
            catch (IOException) when (File.Exists(file))
            {
                File.Delete(temporary);
            }
        }
    }
}
