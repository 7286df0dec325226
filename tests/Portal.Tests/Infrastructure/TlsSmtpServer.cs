using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// A real SMTP server speaking TLS: the test services' aiosmtpd (the same program as on port
/// PORTAL_TEST_SMTP_PORT), started for a test class with a self-signed certificate made here, either
/// with STARTTLS required before any mail (aiosmtpd's default with --tlscert) or with implicit TLS
/// (SMTPS). It writes to a Maildir of its own. The test services do not run one, because it needs a
/// certificate the test also has to know.
/// </summary>
public sealed class TlsSmtpServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _folder;

    private TlsSmtpServer(Process process, string folder, int port, string certificateSha256)
    {
        _process = process;
        _folder = folder;
        Port = port;
        CertificateSha256 = certificateSha256;
    }

    public int Port { get; }

    public string Maildir => Path.Combine(_folder, "maildir");

    public string CertificateSha256 { get; }

    public static async Task<TlsSmtpServer> StartAsync(bool implicitTls)
    {
        var folder = Path.Combine(Path.GetTempPath(), "portal-tests", "smtp-tls-" + Guid.NewGuid().ToString("N")[..12]);
        foreach (var sub in new[] { "cur", "new", "tmp" })
        {
            Directory.CreateDirectory(Path.Combine(folder, "maildir", sub)); // aiosmtpd's Mailbox handler expects them
        }

        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=relay.internal.example", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("relay.internal.example");
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7));
        await File.WriteAllTextAsync(Path.Combine(folder, "cert.pem"), certificate.ExportCertificatePem());
        await File.WriteAllTextAsync(Path.Combine(folder, "key.pem"), key.ExportPkcs8PrivateKeyPem());

        var port = FreePort();
        var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{port}", implicitTls ? "--smtpscert" : "--tlscert", Path.Combine(folder, "cert.pem"), implicitTls ? "--smtpskey" : "--tlskey", Path.Combine(folder, "key.pem"), "-c", "aiosmtpd.handlers.Mailbox", Path.Combine(folder, "maildir") })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("aiosmtpd did not start.");
        var server = new TlsSmtpServer(process, folder, port, Convert.ToHexString(certificate.GetCertHash(HashAlgorithmName.SHA256)));
        await Eventually.TrueAsync(
            async () =>
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"aiosmtpd exited: {await process.StandardError.ReadToEndAsync()}");
                }

                using var client = new TcpClient();
                try
                {
                    await client.ConnectAsync(IPAddress.Loopback, port);
                    return true;
                }
                catch (SocketException)
                {
                    return false;
                }
            },
            what: $"aiosmtpd with TLS to listen on port {port}");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open; the temp folder is cleaned eventually.
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
