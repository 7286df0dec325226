namespace Portal.Web.HostAdmin;

/// <summary>A platform secret set in the host admin (a Stripe key), stored only wrapped by the master key.</summary>
public sealed class PlatformSecretRecord
{
    public const int NameMaxLength = 64;

    public string Name { get; set; } = "";

    public string MasterKeyId { get; set; } = "";

    public byte[] Ciphertext { get; set; } = [];

    public DateTime UpdatedAt { get; set; }

    public Guid? UpdatedBy { get; set; }
}
