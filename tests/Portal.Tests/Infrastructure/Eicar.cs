using System.Text;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// The EICAR anti-malware test file (https://www.eicar.org): harmless, and detected by every
/// scanner, including the test clamd's local signature. Kept in two halves so this source file is
/// not itself flagged by a scanner on a developer's machine.
/// </summary>
public static class Eicar
{
    public static byte[] Bytes => Encoding.ASCII.GetBytes(@"X5O!P%@AP[4\PZX54(P^)7CC)7}$" + "EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*");

    /// <summary>The name the test clamd reports (its signature file is in scripts/test-services.sh).</summary>
    public const string Signature = "Eicar-Test-Signature";
}
