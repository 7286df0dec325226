using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;

namespace Portal.Core.Crypto;

/// <summary>
/// Re-encrypts the data-protection keys stored in the host store under the active master key, so the
/// old master key can be removed without signing everyone out. Keys stored before encryption at rest
/// existed (plain XML) are encrypted on the way.
/// </summary>
public sealed class DataProtectionKeyRewrapper(IDbContextFactory<HostDbContext> hostDb, MasterKeyRing masterKeys)
{
    private static readonly XNamespace DataProtection = "http://schemas.asp.net/2015/03/dataProtection";

    /// <summary>Returns how many stored keys were re-encrypted.</summary>
    public async Task<int> RewrapAsync(CancellationToken cancellationToken)
    {
        var active = masterKeys.ActiveKeyId;
        var encryptor = new MasterKeyXmlEncryptor(masterKeys);
        await using var db = await hostDb.CreateDbContextAsync(cancellationToken);
        var changed = 0;
        foreach (var record in await db.DataProtectionKeys.ToListAsync(cancellationToken))
        {
            var xml = XElement.Parse(record.Xml);
            var touched = false;
            foreach (var secret in xml.Descendants(DataProtection + "encryptedSecret").ToList())
            {
                var inner = secret.Elements().FirstOrDefault();
                if (inner?.Name != MasterKeyXmlEncryptor.ElementName || (string?)inner.Attribute(MasterKeyXmlEncryptor.MasterKeyIdAttribute) == active)
                {
                    continue;
                }

                var plaintext = MasterKeyXmlDecryptor.Decrypt(masterKeys, inner);
                inner.ReplaceWith(encryptor.Encrypt(plaintext).EncryptedElement);
                touched = true;
            }

            foreach (var plain in xml.Descendants().Where(e => (bool?)e.Attribute(DataProtection + "requiresEncryption") == true).ToList())
            {
                // A key written before encryption at rest: wrap its secret the way data protection would.
                var encrypted = encryptor.Encrypt(new XElement(plain));
                plain.ReplaceWith(new XElement(
                    DataProtection + "encryptedSecret",
                    new XAttribute("decryptorType", encrypted.DecryptorType.AssemblyQualifiedName!),
                    encrypted.EncryptedElement));
                touched = true;
            }

            if (touched)
            {
                record.Xml = xml.ToString(SaveOptions.DisableFormatting);
                changed++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return changed;
    }
}
