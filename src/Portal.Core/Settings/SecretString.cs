using System.Security.Cryptography;
using System.Text;

namespace Portal.Core.Settings;

/// <summary>
/// A settings field that must stay secret (a payment key, an SMTP password). The store seals it with
/// the practice's data key before it reaches the database (<see cref="SettingsSecrets"/>); in memory
/// it prints as <c>(secret)</c>, so a section written to a log or an exception shows no value, and it
/// has no property a serializer or a page could read: code that needs the value calls
/// <see cref="Reveal"/>. Pages never show it back: they offer "replace" and "remove"
/// (<see cref="SecretEntry"/>, <c>&lt;secret-input&gt;</c>).
/// </summary>
public sealed class SecretString : IEquatable<SecretString>
{
    private readonly string _value;

    public SecretString(string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        _value = value;
    }

    /// <summary>The plain value, for the code that uses it (to call a payment provider, to sign in to a server).</summary>
    public string Reveal() => _value;

    public override string ToString() => "(secret)";

    public bool Equals(SecretString? other)
        => other is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(_value), Encoding.UTF8.GetBytes(other._value));

    public override bool Equals(object? obj) => Equals(obj as SecretString);

    public override int GetHashCode() => _value.GetHashCode(StringComparison.Ordinal);
}
