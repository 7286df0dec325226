using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace Portal.Web.Payments;

/// <summary>
/// The address and secrets of the embedded Stripe emulator, made once per process: a free loopback port
/// (chosen before the emulator starts, so the Stripe options can name it), a test key and a webhook secret.
/// Generated rather than configured: they open nothing but an in-memory emulator that lives as long as the process.
/// </summary>
internal sealed class EmbeddedStripeKeys
{
    public EmbeddedStripeKeys()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        SecretKey = "sk_test_emulator_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        WebhookSecret = "whsec_emulator_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
    }

    public int Port { get; }

    public string ApiBase => $"http://{IPAddress.Loopback}:{Port}";

    public string SecretKey { get; }

    public string WebhookSecret { get; }
}
