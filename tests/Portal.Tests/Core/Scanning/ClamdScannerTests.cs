using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using Portal.Core.Scanning;
using Portal.Tests.Documents;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Core.Scanning;

/// <summary>The INSTREAM client against the real clamd of the test services (its limit: 64 MiB per stream).</summary>
public sealed class ClamdScannerTests
{
    private const long ClamdStreamMaxLength = 64L * 1024 * 1024;

    [Fact]
    public async Task The_EICAR_test_file_is_infected_and_named()
    {
        var result = await Scanner(TestEnvironment.ClamdPort).ScanAsync(new MemoryStream(Eicar.Bytes), default);

        var infected = Assert.IsType<ScanResult.Infected>(result);
        Assert.StartsWith(Eicar.Signature, infected.Signature, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EICAR_across_a_chunk_boundary_deep_in_a_file_is_found()
    {
        // The signature straddles the first and second 64 KiB chunk, so it is only found if the chunks arrive whole and in order.
        var content = DocumentsScenario.Pdf(300_000);
        Eicar.Bytes.CopyTo(content, ClamdScanner.ChunkSize - 20);

        var result = await Scanner(TestEnvironment.ClamdPort).ScanAsync(new MemoryStream(content), default);

        Assert.IsType<ScanResult.Infected>(result);
    }

    [Fact]
    public async Task A_harmless_file_is_clean()
    {
        var result = await Scanner(TestEnvironment.ClamdPort).ScanAsync(new MemoryStream(DocumentsScenario.Pdf(1_000_000)), default);

        Assert.IsType<ScanResult.Clean>(result);
    }

    [Fact]
    public async Task A_stream_longer_than_clamd_accepts_is_unavailable_never_clean()
    {
        var result = await Scanner(TestEnvironment.ClamdPort).ScanAsync(new PatternStream(ClamdStreamMaxLength + 1), default);

        var unavailable = Assert.IsType<ScanResult.Unavailable>(result);
        Assert.Contains("clamd at 127.0.0.1", unavailable.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_clamd_listening_is_unavailable()
    {
        using var placeholder = new TcpListener(IPAddress.Loopback, 0);
        placeholder.Start();
        var port = ((IPEndPoint)placeholder.LocalEndpoint).Port;
        placeholder.Stop(); // the port is now known to be free

        var result = await Scanner(port).ScanAsync(new MemoryStream(Eicar.Bytes), default);

        Assert.IsType<ScanResult.Unavailable>(result);
    }

    [Fact]
    public async Task A_connection_cut_mid_file_is_unavailable_even_for_a_harmless_file()
    {
        using var relay = new ClamdRelay();
        relay.CutAfter(100_000);

        var result = await Scanner(relay.Port).ScanAsync(new MemoryStream(DocumentsScenario.Pdf(500_000)), default);

        Assert.IsType<ScanResult.Unavailable>(result);
        Assert.Equal(1, relay.CutConnections);
    }

    [Fact]
    public async Task An_answer_that_does_not_come_in_time_is_unavailable()
    {
        using var relay = new ClamdRelay();
        relay.HoldAnswers();
        var scanner = Scanner(relay.Port, TimeSpan.FromMilliseconds(500));

        var result = await scanner.ScanAsync(new MemoryStream(DocumentsScenario.Pdf(10_000)), default);

        Assert.Contains("no answer within", Assert.IsType<ScanResult.Unavailable>(result).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_fails_to_read_throws_instead_of_being_judged()
    {
        // Like a blob failing its integrity check part-way: the caller sees that error, not a verdict on half a file.
        var failing = new PatternStream(1_000_000, failAt: 200_000);

        await Assert.ThrowsAsync<IOException>(() => Scanner(TestEnvironment.ClamdPort).ScanAsync(failing, default));
    }

    [Theory]
    [InlineData("stream: OK", "clean", null)]
    [InlineData("stream: Win.Test.EICAR_HDB-1 FOUND", "infected", "Win.Test.EICAR_HDB-1")]
    [InlineData("stream: Eicar-Test-Signature.UNOFFICIAL(44d88612fea8a8f36de82e1278abb02f:68) FOUND", "infected", "Eicar-Test-Signature.UNOFFICIAL")]
    [InlineData("INSTREAM size limit exceeded. ERROR", "unavailable", null)]
    [InlineData("stream: OK FOUND but odd", "unavailable", null)]
    [InlineData("", "unavailable", null)]
    [InlineData(null, "unavailable", null)]
    public void Answers_are_read_strictly(string? answer, string expected, string? signature)
    {
        var result = ClamdScanner.Verdict("clamd", answer);

        Assert.Equal(expected, result switch { ScanResult.Clean => "clean", ScanResult.Infected => "infected", _ => "unavailable" });
        Assert.Equal(signature, (result as ScanResult.Infected)?.Signature);
    }

    private static ClamdScanner Scanner(int port, TimeSpan? timeout = null) => new(Options.Create(new ScanningOptions
    {
        Mode = ScanningMode.Clamd,
        Host = "127.0.0.1",
        Port = port,
        Timeout = timeout ?? TimeSpan.FromSeconds(30),
    }));

    /// <summary>A long, repetitive file made on the fly (nothing held in memory), optionally failing part-way like a damaged blob.</summary>
    private sealed class PatternStream(long length, long? failAt = null) : Stream
    {
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (failAt is { } fail && _position >= fail)
            {
                throw new IOException(string.Create(CultureInfo.InvariantCulture, $"Damaged at {_position}."));
            }

            var n = (int)Math.Min(count, length - _position);
            for (var i = 0; i < n; i++)
            {
                buffer[offset + i] = (byte)('a' + ((_position + i) % 26));
            }

            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
