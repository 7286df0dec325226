namespace Portal.Core.Crypto;

/// <summary>
/// Configuration section <c>Portal:Encryption</c>: the master keys. A master key never encrypts a file;
/// it wraps each practice's data keys (stored in the practice's database) and the ASP.NET
/// data-protection key ring (stored in the host store). Keep master keys apart from the data they
/// protect (environment variables or a secret store, never App_Data or its backups), so a stolen
/// backup or bucket stays unreadable.
/// <code>
/// "Portal": { "Encryption": {
///   "ActiveMasterKeyId": "2026-11",
///   "MasterKeys": [
///     { "Id": "2026-11", "Key": "base64 of 32 random bytes, e.g. openssl rand -base64 32" },
///     { "Id": "2025-01", "Key": "..." } ] } }
/// </code>
/// As environment variables: <c>Portal__Encryption__ActiveMasterKeyId</c>,
/// <c>Portal__Encryption__MasterKeys__0__Id</c>, <c>Portal__Encryption__MasterKeys__0__Key</c>.
/// Rotation: add the new key, make it active, run <c>rotate-master-key</c> (re-wraps every data key
/// and data-protection key; files are untouched), then remove the old key.
/// </summary>
public sealed class EncryptionOptions
{
    public const string Section = "Portal:Encryption";

    /// <summary>Every master key still needed to unwrap something; ids are recorded next to what they wrapped.</summary>
    public List<MasterKeyOptions> MasterKeys { get; set; } = [];

    /// <summary>The key new wraps use. May be omitted when exactly one key is configured.</summary>
    public string? ActiveMasterKeyId { get; set; }

    /// <summary>
    /// When no master key is configured, generate one once into <c>{AppData}/keys/master-keys.json</c>
    /// (mode 600) and log a warning. Default: on in the Development, Demo and Testing environments so
    /// <c>./run.sh</c> works out of the box; never allowed in Production, which refuses to start
    /// without configured keys. Set false to see how the portal fails closed without a key.
    /// </summary>
    public bool? GenerateDevelopmentKey { get; set; }
}
