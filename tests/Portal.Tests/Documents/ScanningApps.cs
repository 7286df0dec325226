using System.Globalization;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Documents;

/// <summary>
/// Shared apps that scan every upload with the test clamd, reached through a relay the tests can cut
/// or hold. The scanner is said to accept at most <see cref="ScannerLimit"/> bytes.
/// </summary>
public sealed class ScanningApps : ClassApps, IDisposable
{
    public const long ScannerLimit = 1024 * 1024;

    public ClamdRelay Relay { get; } = new();

    public void Dispose() => Relay.Dispose();

    protected override void Configure(PortalApplicationOptions options) => options
        .Set("Portal:Scanning:Mode", "Clamd")
        .Set("Portal:Scanning:Host", "127.0.0.1")
        .Set("Portal:Scanning:Port", Relay.Port.ToString(CultureInfo.InvariantCulture))
        .Set("Portal:Scanning:MaxFileSize", ScannerLimit.ToString(CultureInfo.InvariantCulture));
}
