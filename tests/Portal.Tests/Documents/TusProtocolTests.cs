using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Core.Data;
using Portal.Core.Storage;
using Portal.Documents.Data;
using Portal.Documents.Services;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Documents;

/// <summary>tus 1.0.0 as the protocol document says, including interruption, restart, offsets and checksums.</summary>
public sealed class TusProtocolTests(ClassApps apps) : IClassFixture<ClassApps>
{
    [Fact]
    public async Task Options_advertises_the_protocol_and_requests_without_the_version_are_refused()
    {
        var scenario = await DocumentsScenario.CreateAsync(await apps.For(DatabaseProvider.Sqlite));
        var browser = await scenario.App.SignedInClientAsync(scenario.Practice, scenario.Staff);

        var options = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Options, "uploads"));
        Assert.Equal(HttpStatusCode.NoContent, options.StatusCode);
        Assert.Equal("1.0.0", options.Headers.GetValues("Tus-Version").Single());
        Assert.Contains("checksum", options.Headers.GetValues("Tus-Extension").Single(), StringComparison.Ordinal);
        Assert.Contains("creation-with-upload", options.Headers.GetValues("Tus-Extension").Single(), StringComparison.Ordinal);
        Assert.Equal("sha256", options.Headers.GetValues("Tus-Checksum-Algorithm").Single());

        var noVersion = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Post, "uploads"));
        Assert.Equal(HttpStatusCode.PreconditionFailed, noVersion.StatusCode);
    }

    [Theory, BothDatabases]
    public async Task An_upload_in_chunks_reports_offsets_and_becomes_a_document_with_the_same_bytes(DatabaseProvider provider)
    {
        var scenario = await DocumentsScenario.CreateAsync(await apps.For(provider));
        var browser = await scenario.App.SignedInClientAsync(scenario.Practice, scenario.Staff);
        var tus = new TusClient(browser);
        var content = DocumentsScenario.Pdf(5_000_000);

        var location = await tus.CreateLocationAsync(content.Length, "Return 2025.pdf", scenario.ClientId);
        Assert.Equal(0, await tus.OffsetAsync(location));
        var first = await tus.PatchAsync(location, 0, content.AsMemory(0, 1_000_003));
        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        Assert.Equal("1000003", first.Headers.GetValues("Upload-Offset").Single());
        Assert.Equal(1_000_003, await tus.OffsetAsync(location));

        var last = await tus.PatchAsync(location, 1_000_003, content.AsMemory(1_000_003));
        Assert.Equal(HttpStatusCode.NoContent, last.StatusCode);
        var version = last.Headers.GetValues("Portal-Document-Version").Single();

        var downloaded = await browser.GetByteArrayAsync($"documents/versions/{version}/download");
        Assert.Equal(SHA256.HashData(content), SHA256.HashData(downloaded));
    }

    [Theory, BothDatabases]
    public async Task A_creation_may_carry_the_file_a_damaged_one_is_sent_again_with_patch_and_a_refused_one_ends_there(DatabaseProvider provider)
    {
        var scenario = await DocumentsScenario.CreateAsync(await apps.For(provider));
        var tus = new TusClient(await scenario.App.SignedInClientAsync(scenario.Practice, scenario.Staff));

        // The whole file in the creation: one request, and the document is there.
        var content = DocumentsScenario.Pdf(200_000, seed: 11);
        var whole = await tus.CreateWithBytesAsync(content.Length, "in one.pdf", scenario.ClientId, content, TusClient.Checksum(content));
        Assert.Equal(HttpStatusCode.Created, whole.StatusCode);
        Assert.Equal($"{content.Length}", whole.Headers.GetValues("Upload-Offset").Single());
        Assert.Equal("new", whole.Headers.GetValues("Portal-Upload-Outcome").Single());
        Assert.Equal(content, await tus.DownloadAsync(whole.Headers.GetValues("Portal-Document-Version").Single()));

        // Damaged on the way: the upload is made but keeps nothing, and PATCH goes on from 0.
        var other = DocumentsScenario.Pdf(150_000, seed: 12);
        var damaged = other.ToArray();
        damaged[^10] ^= 0xFF;
        var created = await tus.CreateWithBytesAsync(other.Length, "damaged.pdf", scenario.ClientId, damaged, TusClient.Checksum(other));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("0", created.Headers.GetValues("Upload-Offset").Single());
        var location = tus.Relative(created.Headers.Location!);
        Assert.Equal(0, await tus.OffsetAsync(location));
        var patched = await tus.PatchAsync(location, 0, other);
        Assert.Equal(HttpStatusCode.NoContent, patched.StatusCode);
        Assert.Equal(other, await tus.DownloadAsync(patched.Headers.GetValues("Portal-Document-Version").Single()));

        // Content that is not what its name says ends the upload, as its first PATCH would.
        var executable = new byte[20_000];
        "MZ"u8.CopyTo(executable);
        var refused = await tus.CreateWithBytesAsync(executable.Length, "statement.pdf", scenario.ClientId, executable, null);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, refused.StatusCode);
        Assert.Contains("does not contain what its name says", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(refused.Headers.Location);

        // More bytes than the upload's length: refused too, and no upload is left holding the quota.
        var tooMany = await tus.CreateWithBytesAsync(1000, "short.pdf", scenario.ClientId, DocumentsScenario.Pdf(2000, seed: 13), null);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooMany.StatusCode);
        Assert.Null(tooMany.Headers.Location);

        Assert.Equal(2, await scenario.App.InPracticeAsync(scenario.Practice, sp => sp.GetRequiredService<DocumentsDbContext>().Documents.CountAsync()));
        Assert.Equal(0, await scenario.App.InPracticeAsync(scenario.Practice, sp => sp.GetRequiredService<DocumentsDbContext>().Uploads.CountAsync(u => u.CompletedAt == null)));
    }

    [Theory, BothDatabases]
    public async Task A_wrong_offset_is_409_a_bad_checksum_is_460_and_neither_moves_the_offset(DatabaseProvider provider)
    {
        var scenario = await DocumentsScenario.CreateAsync(await apps.For(provider));
        var tus = new TusClient(await scenario.App.SignedInClientAsync(scenario.Practice, scenario.Staff));
        var content = DocumentsScenario.Pdf(300_000);
        var location = await tus.CreateLocationAsync(content.Length, "a.pdf", scenario.ClientId);
        await tus.PatchAsync(location, 0, content.AsMemory(0, 100_000));

        var wrongOffset = await tus.PatchAsync(location, 50_000, content.AsMemory(50_000, 1000));
        Assert.Equal(HttpStatusCode.Conflict, wrongOffset.StatusCode);

        var damaged = content.AsSpan(100_000, 100_000).ToArray();
        var checksum = TusClient.Checksum(damaged);
        damaged[5] ^= 0xFF;
        var mismatch = await tus.PatchAsync(location, 100_000, new ByteArrayContent(damaged), checksum);
        Assert.Equal(460, (int)mismatch.StatusCode);

        var wrongType = await tus.PatchAsync(location, 100_000, new ByteArrayContent(content[100_000..200_000]), contentType: "application/octet-stream");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, wrongType.StatusCode);

        Assert.Equal(100_000, await tus.OffsetAsync(location));
        Assert.Equal(HttpStatusCode.NoContent, (await tus.PatchAsync(location, 100_000, content.AsMemory(100_000))).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task A_connection_killed_mid_patch_keeps_what_reached_the_disk_and_the_upload_resumes(DatabaseProvider provider)
    {
        var scenario = await DocumentsScenario.CreateAsync(await apps.For(provider));
        var tus = new TusClient(await scenario.App.SignedInClientAsync(scenario.Practice, scenario.Staff));
        var content = DocumentsScenario.Pdf(3_000_000, seed: 7);
        var location = await tus.CreateLocationAsync(content.Length, "big.pdf", scenario.ClientId);

        // The client sends 1.7 MB of a 3 MB chunk and then the connection dies.
        // The in-memory test server keeps waiting for the rest of a body whose sender failed, so the
        // client also gives up on the request the moment its content dies, as a dropped socket would.
        using var dropped = new CancellationTokenSource();
        var dying = new DyingContent(content, 0, 1_700_000, dropped.Cancel);
        await Assert.ThrowsAnyAsync<Exception>(() => tus.PatchAsync(location, 0, dying, cancellationToken: dropped.Token));

        var offset = await Eventually.GetAsync<object>(async () => await tus.TryOffsetAsync(location) is > 0 and var o ? o : null, what: "the server to notice the broken request");
        var kept = (long)offset;
        Assert.InRange(kept, 1, 1_700_000);

        var rest = await tus.PatchAsync(location, kept, content.AsMemory((int)kept));
        Assert.Equal(HttpStatusCode.NoContent, rest.StatusCode);
        var downloaded = await tus.DownloadAsync(rest.Headers.GetValues("Portal-Document-Version").Single());
        Assert.Equal(SHA256.HashData(content), SHA256.HashData(downloaded));
    }

    [Theory, BothDatabases]
    public async Task An_upload_survives_a_server_restart(DatabaseProvider provider)
    {
        await using var data = await TestData.CreateAsync(provider);
        var content = DocumentsScenario.Pdf(2_500_000, seed: 3);
        string location;
        DocumentsScenario scenario;
        await using (var before = PortalApplication.StartOn(data))
        {
            scenario = await DocumentsScenario.CreateAsync(before);
            var tus = new TusClient(await before.SignedInClientAsync(scenario.Practice, scenario.Staff));
            location = await tus.CreateLocationAsync(content.Length, "restart.pdf", scenario.ClientId);
            Assert.Equal(HttpStatusCode.NoContent, (await tus.PatchAsync(location, 0, content.AsMemory(0, 1_234_567))).StatusCode);
        }

        await using var after = PortalApplication.StartOn(data);
        var resumed = new TusClient(await after.SignedInClientAsync(scenario.Practice, scenario.Staff));
        Assert.Equal(1_234_567, await resumed.OffsetAsync(location));
        var rest = await resumed.PatchAsync(location, 1_234_567, content.AsMemory(1_234_567));
        Assert.Equal(HttpStatusCode.NoContent, rest.StatusCode);
        var downloaded = await resumed.DownloadAsync(rest.Headers.GetValues("Portal-Document-Version").Single());
        Assert.Equal(SHA256.HashData(content), SHA256.HashData(downloaded));
    }

    [Fact]
    public async Task Termination_and_expiry_end_an_upload()
    {
        var app = await apps.For(DatabaseProvider.Sqlite);
        var scenario = await DocumentsScenario.CreateAsync(app);
        var tus = new TusClient(await app.SignedInClientAsync(scenario.Practice, scenario.Staff));

        var cancelled = await tus.CreateLocationAsync(1000, "x.pdf", scenario.ClientId);
        var delete = new HttpRequestMessage(HttpMethod.Delete, cancelled);
        delete.Headers.Add("Tus-Resumable", "1.0.0");
        Assert.Equal(HttpStatusCode.NoContent, (await tus.Http.SendAsync(delete)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await tus.HeadAsync(cancelled)).StatusCode);

        var stale = await tus.CreateLocationAsync(1000, "y.pdf", scenario.ClientId);
        Assert.NotNull((await tus.HeadAsync(stale)).Headers.GetValues("Upload-Expires").Single());
        app.Clock.Advance(TimeSpan.FromHours(25));
        tus = new TusClient(await app.SignedInClientAsync(scenario.Practice, scenario.Staff)); // sessions do not last 25 hours
        // tus allows 404 or 410 for an expired upload: 410 until the maintenance job removes it, 404 after.
        Assert.Contains((await tus.HeadAsync(stale)).StatusCode, new[] { HttpStatusCode.Gone, HttpStatusCode.NotFound });
        Assert.Contains((await tus.PatchAsync(stale, 0, DocumentsScenario.Pdf(1000))).StatusCode, new[] { HttpStatusCode.Gone, HttpStatusCode.NotFound });
    }

    [Fact]
    public async Task A_patch_moves_the_expiry_only_once_it_would_move_by_a_minute()
    {
        var app = await apps.For(DatabaseProvider.Sqlite);
        var scenario = await DocumentsScenario.CreateAsync(app);
        var tus = new TusClient(await app.SignedInClientAsync(scenario.Practice, scenario.Staff));
        var content = DocumentsScenario.Pdf(3000);
        var location = await tus.CreateLocationAsync(content.Length, "expiry.pdf", scenario.ClientId);
        var created = (await tus.HeadAsync(location)).Headers.GetValues("Upload-Expires").Single();

        app.Clock.Advance(TimeSpan.FromSeconds(30));
        var soon = await tus.PatchAsync(location, 0, content.AsMemory(0, 1000));
        Assert.Equal(HttpStatusCode.NoContent, soon.StatusCode);
        Assert.Equal(created, soon.Headers.GetValues("Upload-Expires").Single());
        Assert.Equal(created, (await tus.HeadAsync(location)).Headers.GetValues("Upload-Expires").Single());

        app.Clock.Advance(TimeSpan.FromSeconds(40));
        var later = await tus.PatchAsync(location, 1000, content.AsMemory(1000, 1000));
        var moved = DateTimeOffset.Parse(later.Headers.GetValues("Upload-Expires").Single(), CultureInfo.InvariantCulture);
        Assert.True(moved >= DateTimeOffset.Parse(created, CultureInfo.InvariantCulture).AddSeconds(70), $"{moved} is not 70 s past {created}");
        Assert.Equal(later.Headers.GetValues("Upload-Expires").Single(), (await tus.HeadAsync(location)).Headers.GetValues("Upload-Expires").Single());
    }

    [Theory, BothDatabases]
    public async Task Another_user_or_practice_cannot_touch_an_upload(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var scenario = await DocumentsScenario.CreateAsync(app);
        var owner = new TusClient(await app.SignedInClientAsync(scenario.Practice, scenario.Staff));
        var location = await owner.CreateLocationAsync(1000, "mine.pdf", scenario.ClientId);

        var colleague = new TusClient(await app.SignedInClientAsync(scenario.Practice, scenario.Admin));
        Assert.Equal(HttpStatusCode.NotFound, (await colleague.HeadAsync(location)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await colleague.PatchAsync(location, 0, DocumentsScenario.Pdf(1000))).StatusCode);

        var other = await DocumentsScenario.CreateAsync(app);
        var stranger = new TusClient(await app.SignedInClientAsync(other.Practice, other.Admin));
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.HeadAsync(location)).StatusCode);
        Assert.Equal(0, await owner.OffsetAsync(location));
    }

    /// <summary>Request content that sends part of its bytes and then fails, like a dropped connection.</summary>
    [Theory, BothDatabases]
    public async Task A_head_while_a_patch_holds_the_upload_answers_409_and_the_patch_still_completes(DatabaseProvider provider)
    {
        var scenario = await DocumentsScenario.CreateAsync(await apps.For(provider));
        var tus = new TusClient(await scenario.App.SignedInClientAsync(scenario.Practice, scenario.Staff));
        var content = DocumentsScenario.Pdf(400_000, seed: 9);
        var location = await tus.CreateLocationAsync(content.Length, "held.pdf", scenario.ClientId);
        Assert.Equal(HttpStatusCode.NoContent, (await tus.PatchAsync(location, 0, content.AsMemory(0, 100_000), withChecksum: false)).StatusCode);

        // The rest arrives slowly: half of it, then nothing until the test lets it go on.
        var held = new HeldContent(content, 100_000, 150_000);
        var patch = tus.PatchAsync(location, 100_000, held, checksum: null);
        var status = await Eventually.GetAsync<object>(
            async () => patch.IsCompleted
                ? throw new InvalidOperationException($"The held PATCH ended before a HEAD met it: {(patch.IsCompletedSuccessfully ? (await patch).StatusCode.ToString() : patch.Exception?.GetBaseException().Message)}.")
                : (await tus.HeadAsync(location)).StatusCode is var s && s != HttpStatusCode.OK ? s : null,
            what: "a HEAD that meets the PATCH holding the upload");
        Assert.Equal(HttpStatusCode.Conflict, status);

        held.Release();
        var done = await patch;
        Assert.Equal(HttpStatusCode.NoContent, done.StatusCode);
        var downloaded = await tus.DownloadAsync(done.Headers.GetValues("Portal-Document-Version").Single());
        Assert.Equal(SHA256.HashData(content), SHA256.HashData(downloaded));
    }

    [Theory, BothDatabases]
    public async Task A_patch_that_meets_a_head_reading_the_staged_file_waits_for_it_and_completes(DatabaseProvider provider)
    {
        var logs = new LogCollector(LogLevel.Information);
        await using var app = await PortalApplication.StartAsync(provider, o => o
            .Set($"Logging:LogLevel:{typeof(TusUploads).FullName}", "Information")
            .WithServices(s => s.AddSingleton<ILoggerProvider>(logs)));
        var scenario = await DocumentsScenario.CreateAsync(app);
        var tus = new TusClient(await app.SignedInClientAsync(scenario.Practice, scenario.Staff));
        var content = DocumentsScenario.Pdf(200_000, seed: 11);
        var location = await tus.CreateLocationAsync(content.Length, "read.pdf", scenario.ClientId);
        Assert.Equal(HttpStatusCode.NoContent, (await tus.PatchAsync(location, 0, content.AsMemory(0, 100_000))).StatusCode);

        // What a HEAD does for a moment (on this server or another): hold the staged file while it reads its length.
        var uploadId = Guid.Parse(location.TrimEnd('/').Split('/')[^1]);
        var path = await app.InPracticeAsync(scenario.Practice, async sp =>
        {
            var upload = await sp.GetRequiredService<DocumentsDbContext>().Uploads.SingleAsync(u => u.Id == uploadId);
            return sp.GetRequiredService<EncryptedBlobStore>().OpenStaging(upload.Id.ToString("N"), upload.BlobKey, upload.Length).FilePath;
        });
        Task<HttpResponseMessage> patch;
        await using (new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.None))
        {
            patch = tus.PatchAsync(location, 100_000, content.AsMemory(100_000));
            await Eventually.TrueAsync(
                () => Task.FromResult(patch.IsCompleted || logs.Lines.Any(l => l.Message.Contains("the PATCH waits for it", StringComparison.Ordinal))),
                what: "the PATCH to meet the held file");
        }

        // It waited for the reader and then completed (it answered 500 before).
        var done = await patch;
        Assert.True(done.StatusCode == HttpStatusCode.NoContent, $"{done.StatusCode}: {await done.Content.ReadAsStringAsync()}");
        var downloaded = await tus.DownloadAsync(done.Headers.GetValues("Portal-Document-Version").Single());
        Assert.Equal(SHA256.HashData(content), SHA256.HashData(downloaded));
    }

    private sealed class HeldContent(byte[] content, int from, int holdAt) : HttpContent
    {
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Release() => _release.TrySetResult();

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(content.AsMemory(from, holdAt - from));
            await stream.FlushAsync();
            await _release.Task;
            await stream.WriteAsync(content.AsMemory(holdAt));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = content.Length - from;
            return true;
        }
    }

    private sealed class DyingContent(byte[] content, int from, int dieAfter, Action died) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            for (var sent = 0; sent < dieAfter; sent += 65536)
            {
                await stream.WriteAsync(content.AsMemory(from + sent, Math.Min(65536, dieAfter - sent)));
                await stream.FlushAsync();
            }

            died();
            throw new IOException("The network cable was pulled.");
        }

        protected override bool TryComputeLength(out long length)
        {
            length = content.Length - from;
            return true;
        }
    }
}
