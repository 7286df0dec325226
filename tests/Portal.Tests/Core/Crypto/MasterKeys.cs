using System.Security.Cryptography;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Core.Crypto;

/// <summary>Master-key settings for tests.</summary>
public static class MasterKeys
{
    public static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>Configures exactly these keys (id, base64 key), the given one active, and no generated development key.</summary>
    public static PortalApplicationOptions WithMasterKeys(this PortalApplicationOptions options, string active, params (string Id, string Key)[] keys)
    {
        options.Set("Portal:Encryption:GenerateDevelopmentKey", "false").Set("Portal:Encryption:ActiveMasterKeyId", active);
        for (var i = 0; i < keys.Length; i++)
        {
            options.Set($"Portal:Encryption:MasterKeys:{i}:Id", keys[i].Id).Set($"Portal:Encryption:MasterKeys:{i}:Key", keys[i].Key);
        }

        return options;
    }
}
