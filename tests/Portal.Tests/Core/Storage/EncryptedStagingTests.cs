using System.Text;
using Portal.Core.Storage;

namespace Portal.Tests.Core.Storage;

/// <summary>Resumable uploads staged encrypted: odd chunk sizes, crashes with torn records, wrong offsets, completion with and without the hash made while staging.</summary>
public sealed class EncryptedStagingTests(FileSystemStorageApp fixture) : IClassFixture<FileSystemStorageApp>
{
    private const int Total = 1024 * 1024;

    [Fact]
    public async Task Odd_chunks_then_a_torn_record_after_a_crash_then_resume_and_complete()
    {
        var data = StorageTestData.Random(Total);
        var uploadId = NewId();
        var blobKey = NewId();

        var afterChunks = await InStagingAsync(uploadId, blobKey, async staging =>
        {
            Assert.Equal(0, await staging.DurableLengthAsync());
            var lengths = new List<long>();
            long offset = 0;
            foreach (var size in new[] { 1, 65_535, 70_000 })
            {
                offset = await staging.AppendAsync(new MemoryStream(data, (int)offset, size), offset, default);
                lengths.Add(offset);
            }

            return lengths;
        });
        Assert.Equal([1L, 65_536L, 135_536L], afterChunks);

        // The crash: the last record (70,000 = 65,536 + 4,464 bytes) lost its last 3 bytes on the disk.
        var file = await InStagingAsync(uploadId, blobKey, staging => Task.FromResult(staging.FilePath));
        using (var stream = new FileStream(file, FileMode.Open))
        {
            stream.SetLength(stream.Length - 3);
        }

        var resumed = await InStagingAsync(uploadId, blobKey, async staging =>
        {
            var durable = await staging.DurableLengthAsync();
            Assert.Equal(131_072, durable);

            var conflict = await Assert.ThrowsAsync<StagingConflictException>(() => staging.AppendAsync(new MemoryStream(data, 135_536, 10), 135_536, default));
            Assert.Equal(131_072, conflict.DurableLength);
            await Assert.ThrowsAsync<StagingConflictException>(() => staging.AppendAsync(new MemoryStream(data, 0, 10), 0, default));

            var incomplete = await Assert.ThrowsAsync<StagingConflictException>(() => staging.CompleteAsync(default));
            Assert.Equal(131_072, incomplete.DurableLength);

            return await staging.AppendAsync(new MemoryStream(data, (int)durable, Total - (int)durable), durable, default);
        });
        Assert.Equal(Total, resumed);

        var stored = await InStagingAsync(uploadId, blobKey, async staging =>
        {
            await Assert.ThrowsAsync<StagingConflictException>(() => staging.AppendAsync(new MemoryStream([1]), Total, default));
            var result = await staging.CompleteAsync(default);
            Assert.False(File.Exists(staging.FilePath));
            return result;
        });

        Assert.Equal(Total, stored.Length);
        Assert.Equal(StorageTestData.Sha256(data), stored.Sha256);
        Assert.Equal(data, await fixture.App.ReadAsync(fixture.First, blobKey, stored.Sha256));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(20)]
    [InlineData(30_000)]
    public async Task A_crash_inside_the_next_record_reports_the_last_complete_one(int writtenOfNextRecord)
    {
        var data = StorageTestData.Random(Total);
        var (uploadId, blobKey) = (NewId(), NewId());
        var file = await InStagingAsync(uploadId, blobKey, async staging =>
        {
            await staging.AppendAsync(new MemoryStream(data, 0, 100_000), 0, default);
            return staging.FilePath;
        });
        var complete = new FileInfo(file).Length;

        // Simulate a record of the next append cut short by the crash.
        var next = await InStagingAsync(NewId(), blobKey, async other =>
        {
            await other.AppendAsync(new MemoryStream(data, 0, 65_536), 0, default);
            return (await File.ReadAllBytesAsync(other.FilePath))[16..];
        });
        await using (var stream = new FileStream(file, FileMode.Append))
        {
            await stream.WriteAsync(next.AsMemory(0, writtenOfNextRecord));
        }

        await InStagingAsync(uploadId, blobKey, async staging =>
        {
            Assert.Equal(100_000, await staging.DurableLengthAsync());
            Assert.Equal(complete, new FileInfo(file).Length);
            Assert.Equal(Total, await staging.AppendAsync(new MemoryStream(data, 100_000, Total - 100_000), 100_000, default));
            Assert.Equal(StorageTestData.Sha256(data), (await staging.CompleteAsync(default)).Sha256);
            return 0;
        });
    }

    [Fact]
    public async Task A_dropped_connection_keeps_what_arrived()
    {
        var data = StorageTestData.Random(Total);
        var (uploadId, blobKey) = (NewId(), NewId());

        await InStagingAsync(uploadId, blobKey, async staging =>
        {
            await Assert.ThrowsAsync<IOException>(() => staging.AppendAsync(new DroppingStream(data, 0, 200_000), 0, default));
            Assert.Equal(200_000, await staging.DurableLengthAsync());
            await staging.AppendAsync(new MemoryStream(data, 200_000, Total - 200_000), 200_000, default);
            Assert.Equal(StorageTestData.Sha256(data), (await staging.CompleteAsync(default)).Sha256);
            return 0;
        });
    }

    [Fact]
    public async Task A_failed_append_keeps_what_arrived_and_the_upload_resumes_after_it()
    {
        var data = StorageTestData.Random(Total);
        var (uploadId, blobKey) = (NewId(), NewId());

        await InStagingAsync(uploadId, blobKey, async staging =>
        {
            Assert.Equal(1000, await staging.AppendAsync(new MemoryStream(data, 0, 1000), 0, default));
            await Assert.ThrowsAsync<IOException>(() => staging.AppendAsync(new DroppingStream(data, 1000, 100_000), 1000, default));
            var kept = await staging.DurableLengthAsync();
            Assert.Equal(1000 + 100_000, kept);

            Assert.Equal(Total, await staging.AppendAsync(new MemoryStream(data, (int)kept, Total - (int)kept), kept, default));
            Assert.Equal(StorageTestData.Sha256(data), (await staging.CompleteAsync(default)).Sha256);
            return 0;
        });
    }

    [Fact]
    public async Task Data_beyond_the_declared_length_is_refused_and_nothing_is_kept()
    {
        var data = StorageTestData.Random(Total + 10);
        await InStagingAsync(NewId(), NewId(), async staging =>
        {
            await staging.AppendAsync(new MemoryStream(data, 0, 5000), 0, default);
            var error = await Assert.ThrowsAsync<StagingConflictException>(() => staging.AppendAsync(new MemoryStream(data, 5000, Total - 5000 + 5), 5000, default));
            Assert.Contains("longer than the declared", error.Message, StringComparison.Ordinal);
            Assert.Equal(5000, await staging.DurableLengthAsync());
            return 0;
        });
    }

    [Fact]
    public async Task A_second_request_on_the_same_upload_is_refused_while_the_first_writes()
    {
        await InStagingAsync(NewId(), NewId(), async staging =>
        {
            await staging.AppendAsync(new MemoryStream(new byte[10]), 0, default);
            using (new FileStream(staging.FilePath, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
            {
                var error = await Assert.ThrowsAsync<StagingConflictException>(() => staging.AppendAsync(new MemoryStream(new byte[10]), 10, default));
                Assert.Null(error.DurableLength);
            }

            Assert.Equal(20, await staging.AppendAsync(new MemoryStream(new byte[10]), 10, default));
            return 0;
        });
    }

    [Fact]
    public async Task The_staged_bytes_are_encrypted_and_bound_to_their_blob_key()
    {
        var marker = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("STAGED-PLAINTEXT-MARKER ", 5000)));
        var uploadId = NewId();
        var blobKey = NewId();
        var file = await InStagingAsync(uploadId, blobKey, async staging =>
        {
            await staging.AppendAsync(new MemoryStream(marker), 0, default);
            return staging.FilePath;
        }, total: marker.Length * 2);

        Assert.Equal(Path.Combine(fixture.App.AppDataPath, "uploads", fixture.First.Name, uploadId), file);
        Assert.Equal(-1, (await File.ReadAllBytesAsync(file)).AsSpan().IndexOf("STAGED-PLAINTEXT-MARKER"u8));

        // Resuming with another blob key (or length) than the upload began with is caught, not silently accepted.
        await Assert.ThrowsAsync<BlobIntegrityException>(() => InStagingAsync(uploadId, NewId(), staging => staging.DurableLengthAsync(), total: marker.Length * 2));
    }

    [Fact]
    public async Task An_empty_upload_completes()
    {
        var blobKey = NewId();
        var stored = await InStagingAsync(NewId(), blobKey, staging => staging.CompleteAsync(default), total: 0);
        Assert.Equal(0, stored.Length);
        Assert.Equal(StorageTestData.Sha256([]), stored.Sha256);
        Assert.Empty(await fixture.App.ReadAsync(fixture.First, blobKey, stored.Sha256));
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("garbage")]
    [InlineData("another upload's")]
    [InlineData("an earlier one")]
    public async Task A_missing_or_wrong_checkpoint_is_ignored_and_costs_nothing_but_a_walk(string checkpoint)
    {
        var data = StorageTestData.Random(Total);
        var (uploadId, blobKey) = (NewId(), NewId());
        var (file, earlier) = await InStagingAsync(uploadId, blobKey, async staging =>
        {
            await staging.AppendAsync(new MemoryStream(data, 0, 70_000), 0, default);
            var first = await File.ReadAllBytesAsync(staging.FilePath + ".end");
            await staging.AppendAsync(new MemoryStream(data, 70_000, 200_001), 70_000, default);
            return (staging.FilePath, first);
        });
        var length = new FileInfo(file).Length;
        Assert.True(File.Exists(file + ".end"));

        // Another upload of the same size chunked differently: its checkpoint points between this one's records.
        var foreign = await InStagingAsync(NewId(), blobKey, async other =>
        {
            await other.AppendAsync(new MemoryStream(data, 0, 100_003), 0, default);
            await other.AppendAsync(new MemoryStream(data, 100_003, 170_000), 100_003, default);
            return await File.ReadAllBytesAsync(other.FilePath + ".end");
        });
        switch (checkpoint)
        {
            case "missing": File.Delete(file + ".end"); break;
            case "garbage": await File.WriteAllBytesAsync(file + ".end", StorageTestData.Random(40)); break;
            case "another upload's": await File.WriteAllBytesAsync(file + ".end", foreign); break;
            default: await File.WriteAllBytesAsync(file + ".end", earlier); break;
        }

        await InStagingAsync(uploadId, blobKey, async staging =>
        {
            Assert.Equal(270_001, await staging.DurableLengthAsync());
            Assert.Equal(length, new FileInfo(file).Length);
            Assert.Equal(Total, await staging.AppendAsync(new MemoryStream(data, 270_001, Total - 270_001), 270_001, default));
            Assert.Equal(StorageTestData.Sha256(data), (await staging.CompleteAsync(default)).Sha256);
            Assert.False(File.Exists(file + ".end"));
            return 0;
        });
    }

    [Fact]
    public async Task Completion_takes_the_hash_made_while_staging_and_a_download_still_authenticates_every_record()
    {
        var data = StorageTestData.Random(Total);
        var (uploadId, blobKey) = (NewId(), NewId());
        var file = await InStagingAsync(uploadId, blobKey, async staging =>
        {
            await staging.AppendAsync(new MemoryStream(data, 0, 300_000), 0, default);
            await staging.AppendAsync(new MemoryStream(data, 300_000, Total - 300_000), 300_000, default);
            return staging.FilePath;
        });

        // A byte of the first record altered on the disk after it was written: completion does not read
        // the records back (each was sealed from plaintext hashed on the way), so it goes unnoticed here...
        await FlipByteAsync(file, BlobHeaderSize + 4 + 1000);
        var stored = await InStagingAsync(uploadId, blobKey, staging => staging.CompleteAsync(default));
        Assert.Equal(StorageTestData.Sha256(data), stored.Sha256);

        // ...and every read authenticates it.
        await Assert.ThrowsAsync<BlobIntegrityException>(() => fixture.App.ReadAsync(fixture.First, blobKey, stored.Sha256));
    }

    [Fact]
    public async Task Without_a_hash_carried_from_the_appends_completion_authenticates_every_record()
    {
        var data = StorageTestData.Random(Total);
        var (uploadId, blobKey) = (NewId(), NewId());
        var file = await InStagingAsync(uploadId, blobKey, async staging =>
        {
            await staging.AppendAsync(new MemoryStream(data, 0, 200_000), 0, default);
            return staging.FilePath;
        });

        // A crash cut the last record short: what is on the disk is no longer what the hash covered.
        using (var stream = new FileStream(file, FileMode.Open))
        {
            stream.SetLength(stream.Length - 5);
        }

        await InStagingAsync(uploadId, blobKey, async staging =>
        {
            var durable = await staging.DurableLengthAsync();
            Assert.Equal(196_608, durable);
            await staging.AppendAsync(new MemoryStream(data, (int)durable, Total - (int)durable), durable, default);
            await FlipByteAsync(file, BlobHeaderSize + 4 + 1000);
            await Assert.ThrowsAsync<BlobIntegrityException>(() => staging.CompleteAsync(default));
            return 0;
        });
    }

    [Fact]
    public async Task Ids_are_checked()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => InStagingAsync("../../etc", NewId(), _ => Task.FromResult(0)));
        await Assert.ThrowsAsync<ArgumentException>(() => InStagingAsync(NewId(), "a/b", _ => Task.FromResult(0)));
    }

    private const int BlobHeaderSize = 16;

    private static string NewId() => Guid.CreateVersion7().ToString("N");

    private static async Task FlipByteAsync(string file, long position)
    {
        await using var stream = new FileStream(file, FileMode.Open, FileAccess.ReadWrite);
        stream.Position = position;
        var value = stream.ReadByte();
        stream.Position = position;
        stream.WriteByte((byte)(value ^ 0x01));
    }

    private Task<T> InStagingAsync<T>(string uploadId, string blobKey, Func<EncryptedStaging, Task<T>> work, long total = Total)
        => fixture.App.WithStoreAsync(fixture.First, store => work(store.OpenStaging(uploadId, blobKey, total)));

    /// <summary>A request body whose connection drops after some bytes.</summary>
    private sealed class DroppingStream(byte[] data, int offset, int dropAfter) : Stream
    {
        private int _sent;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int bufferOffset, int count)
        {
            if (_sent >= dropAfter)
            {
                throw new IOException("The client disconnected.");
            }

            var n = Math.Min(Math.Min(count, dropAfter - _sent), 7_000);
            Array.Copy(data, offset + _sent, buffer, bufferOffset, n);
            _sent += n;
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
