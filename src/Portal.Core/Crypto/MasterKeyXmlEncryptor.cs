using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Portal.Core.Crypto;

/// <summary>
/// Encrypts the secret part of each ASP.NET data-protection key with the master key before it goes to
/// the host store, so the cookie and antiforgery keys are no more readable at rest than the files.
/// Produces <c>&lt;encryptedKey masterKeyId="..."&gt;base64&lt;/encryptedKey&gt;</c>.
/// </summary>
public sealed class MasterKeyXmlEncryptor(MasterKeyRing masterKeys) : IXmlEncryptor
{
    public const string ElementName = "encryptedKey";
    public const string MasterKeyIdAttribute = "masterKeyId";
    public const string Context = "aspnet-data-protection";

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var plaintext = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var wrapped = masterKeys.Wrap(MasterKeyPurpose.DataProtectionXml, plaintext, Context);
        var element = new XElement(
            ElementName,
            new XAttribute(MasterKeyIdAttribute, wrapped.MasterKeyId),
            new XComment(" This key is encrypted with a Portal master key (Portal:Encryption). "),
            Convert.ToBase64String(wrapped.Ciphertext));
        return new EncryptedXmlInfo(element, typeof(MasterKeyXmlDecryptor));
    }
}
