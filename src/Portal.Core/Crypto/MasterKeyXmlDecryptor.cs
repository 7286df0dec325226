using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.DependencyInjection;

namespace Portal.Core.Crypto;

/// <summary>
/// Decrypts what <see cref="MasterKeyXmlEncryptor"/> wrote. Data protection creates decryptors by type
/// name from the stored XML with the application's service provider, hence this constructor.
/// </summary>
public sealed class MasterKeyXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement) => Decrypt(services.GetRequiredService<MasterKeyRing>(), encryptedElement);

    /// <summary>Also used by the rotation, which re-encrypts stored keys under the active master key.</summary>
    public static XElement Decrypt(MasterKeyRing masterKeys, XElement encryptedElement)
    {
        var id = (string?)encryptedElement.Attribute(MasterKeyXmlEncryptor.MasterKeyIdAttribute)
            ?? throw new InvalidOperationException("The encrypted data-protection key names no master key.");
        var wrapped = new WrappedSecret(id, Convert.FromBase64String(encryptedElement.Value.Trim()));
        var plaintext = masterKeys.Unwrap(MasterKeyPurpose.DataProtectionXml, wrapped, MasterKeyXmlEncryptor.Context);
        return XElement.Parse(Encoding.UTF8.GetString(plaintext));
    }
}
