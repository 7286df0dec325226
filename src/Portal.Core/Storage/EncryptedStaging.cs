using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.ExceptionServices;
using Portal.Core.Crypto;

namespace Portal.Core.Storage;

/// <summary>
/// One resumable (tus) upload, staged on the local disk in the blob format as it arrives, so no
/// plaintext ever rests on disk and completion needs no re-encryption. Each call opens the staging
/// file exclusively (a second request on the same upload gets <see cref="StagingConflictException"/>)
/// and works out the state from the file itself, so a restarted server resumes where the disk says.
/// <para>
/// Crash safety: records are written whole and flushed to disk before a length is reported. After a
/// crash the last record may be torn (cut short); it is cut off and the length reported is the end of
/// the last complete record, which the client then resumes from. The last complete record is also
/// authenticated, which catches a caller passing another blob key or length than the upload began with.
/// </para>
/// <para>
/// Records have no fixed size (a PATCH may end mid-record), so finding the end means walking the
/// record lengths. A checkpoint next to the staging file (<c>{file}.end</c>, written after the data
/// is flushed) remembers where the last append ended, so each request walks only what came after it
/// and an upload costs the same per chunk at its first and its last gigabyte. A checkpoint that is
/// missing, torn or does not match the file is ignored and the whole file is walked.
/// </para>
/// </summary>
public sealed class EncryptedStaging
{
    private readonly BlobPath _target;
    private readonly DataKeyStore _dataKeys;
    private readonly IBlobBackend _backend;
    private readonly StagedUploadHashes _hashes;

    internal EncryptedStaging(string file, BlobPath target, long totalLength, DataKeyStore dataKeys, IBlobBackend backend, StagedUploadHashes hashes)
    {
        _hashes = hashes;
        FilePath = file;
        _target = target;
        TotalLength = totalLength;
        _dataKeys = dataKeys;
        _backend = backend;
    }

    /// <summary>The staging file (encrypted); exposed for operators and tests.</summary>
    public string FilePath { get; }

    public long TotalLength { get; }

    /// <summary>
    /// Plaintext bytes durably stored (the tus Upload-Offset). Repairs a torn last record left by a crash.
    /// Throws <see cref="BlobIntegrityException"/> when the staged bytes do not authenticate for this blob.
    /// </summary>
    public async Task<long> DurableLengthAsync(CancellationToken cancellationToken = default)
    {
        if (!File.Exists(FilePath))
        {
            return 0;
        }

        await using var file = OpenExclusive(FileMode.Open);
        var (state, cipher, _) = await ScanAsync(file, cancellationToken);
        cipher?.Dispose();
        return state.PlainLength;
    }

    /// <summary>
    /// Appends what <paramref name="data"/> yields at plaintext <paramref name="offset"/>, which must be the
    /// durable length (else <see cref="StagingConflictException"/>, nothing written), in records of at most
    /// 64 KiB; the record that reaches <see cref="TotalLength"/> is the final one. Returns the new durable
    /// length. When <paramref name="data"/> fails part-way (a dropped connection), what arrived is kept and
    /// flushed before the exception propagates, so the client can resume after it.
    /// </summary>
    public async Task<long> AppendAsync(Stream data, long offset, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        if (!File.Exists(FilePath) && offset != 0)
        {
            throw new StagingConflictException($"The upload is at offset 0, not {offset}.", 0);
        }

        // The key comes first: without a master key this throws before any file exists.
        var newKey = File.Exists(FilePath) ? null : await _dataKeys.GetCurrentAsync(cancellationToken);
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        await using var file = OpenExclusive(FileMode.OpenOrCreate);
        var (state, cipher, headerBytes) = await ScanAsync(file, cancellationToken);
        StagedHash? hash;
        if (cipher is null)
        {
            newKey ??= await _dataKeys.GetCurrentAsync(cancellationToken);
            var header = BlobHeader.Create(newKey.Version);
            file.SetLength(0);
            await RandomAccess.WriteAsync(file.SafeFileHandle, header.Bytes.ToArray(), 0, cancellationToken);
            file.Flush(flushToDisk: true);
            cipher = new BlobRecordCipher(newKey, header, _target.Practice, _target.Key);
            state = new StagingState(0, 0, BlobHeader.Size, -1, 0);
            _hashes.Forget(FilePath);
            hash = new StagedHash(header.Bytes.ToArray());
        }
        else
        {
            hash = _hashes.Take(FilePath, headerBytes, state.PlainLength);
        }

        using (cipher)
        {
            try
            {
                if (state.PlainLength == TotalLength && (state.Records > 0 || TotalLength > 0))
                {
                    throw new StagingConflictException("The upload is already complete.", state.PlainLength);
                }

                if (offset != state.PlainLength)
                {
                    throw new StagingConflictException($"The upload is at offset {state.PlainLength}, not {offset}.", state.PlainLength);
                }

                var appended = await AppendRecordsAsync(file, cipher, state, data, hash, cancellationToken);
                if (appended != state)
                {
                    await WriteCheckpointAsync(appended, cancellationToken);
                }

                return appended.PlainLength;
            }
            finally
            {
                // Carried to the next append when it covers exactly what is on the disk (also after a
                // dropped connection, whose records were flushed); dropped otherwise.
                if (hash is not null)
                {
                    if (hash.Spoiled)
                    {
                        hash.Dispose();
                    }
                    else
                    {
                        _hashes.Put(FilePath, hash);
                    }
                }
            }
        }
    }

    /// <summary>
    /// Finishes a complete upload: takes the plaintext SHA-256 computed while the records were sealed
    /// in this process or, when there is none (a restart, another server's appends), decrypts the
    /// staged file in one streaming pass to authenticate every record and compute it; then moves the
    /// encrypted bytes to the backend (a rename on the same volume) and removes the staging file.
    /// Throws <see cref="StagingConflictException"/> while bytes are missing.
    /// </summary>
    public async Task<StoredBlob> CompleteAsync(CancellationToken cancellationToken)
    {
        if (TotalLength == 0)
        {
            // An empty file never gets a PATCH; its single empty final record is written here.
            try
            {
                await AppendAsync(Stream.Null, 0, cancellationToken);
            }
            catch (StagingConflictException ex) when (ex.DurableLength == 0)
            {
                // Already written by an earlier attempt.
            }
        }

        if (!File.Exists(FilePath))
        {
            throw new StagingConflictException($"The upload is incomplete: 0 of {TotalLength} bytes.", 0);
        }

        StoredBlob stored;
        await using (var file = OpenExclusive(FileMode.Open))
        {
            var (state, cipher, header) = await ScanAsync(file, cancellationToken);
            if (cipher is null || state.PlainLength != TotalLength || state.Records == 0)
            {
                cipher?.Dispose();
                throw new StagingConflictException($"The upload is incomplete: {state.PlainLength} of {TotalLength} bytes.", state.PlainLength);
            }

            if (_hashes.Take(FilePath, header, state.PlainLength) is { } hash)
            {
                // Every record was sealed here from plaintext that was hashed on the way (and the
                // last one was just authenticated by the scan): reading it all back would only
                // repeat that. A download still authenticates every record and checks the hash.
                using (hash)
                using (cipher)
                {
                    stored = new StoredBlob(state.PlainLength, hash.Finish());
                }
            }
            else
            {
                stored = await DecryptToHashAsync(file, cipher, cancellationToken);
            }
        }

        await _backend.ImportAsync(_target, FilePath, cancellationToken);
        DeleteCheckpoint();

        return stored;
    }

    /// <summary>Authenticates every record of the staged file and hashes its plaintext (the scan's cipher, header read, key found).</summary>
    private async Task<StoredBlob> DecryptToHashAsync(FileStream file, BlobRecordCipher cipher, CancellationToken cancellationToken)
    {
        file.Position = BlobHeader.Size;
        await using var decrypting = new DecryptingReadStream(file, cipher, expectedSha256: null, leaveOpen: true);
        await decrypting.CopyToAsync(Stream.Null, cancellationToken);
        if (decrypting.PlaintextLength != TotalLength)
        {
            throw new BlobIntegrityException($"The staged upload decrypts to {decrypting.PlaintextLength} bytes, not {TotalLength}.");
        }

        return new StoredBlob(decrypting.PlaintextLength, decrypting.Sha256);
    }

    /// <summary>Removes the staged bytes (an abandoned or expired upload).</summary>
    public Task DeleteAsync()
    {
        if (File.Exists(FilePath))
        {
            File.Delete(FilePath);
        }

        DeleteCheckpoint();
        _hashes.Forget(FilePath);

        return Task.CompletedTask;
    }

    /// <summary>
    /// Reads up to 1 MiB of plaintext, seals and writes it in records of at most 64 KiB while the batch
    /// is hashed for the file on another thread; repeats until the data ends. Flushes to disk once at
    /// the end.
    /// </summary>
    private async Task<StagingState> AppendRecordsAsync(FileStream file, BlobRecordCipher cipher, StagingState state, Stream data, StagedHash? hash, CancellationToken cancellationToken)
    {
        var handle = file.SafeFileHandle;
        var plain = ArrayPool<byte>.Shared.Rent(BatchPlaintext);
        var records = ArrayPool<byte>.Shared.Rent(BlobRecordCipher.MaxRecordSize);
        var position = state.End;
        var length = state.PlainLength;
        var counter = state.Records;
        var lastStart = state.LastStart;
        var lastLength = state.LastLength;
        try
        {
            if (TotalLength == 0 && counter == 0)
            {
                var size = cipher.Seal(counter++, last: true, [], records);
                await WriteAsync(handle, records.AsMemory(0, size), position, hash);
                (lastStart, lastLength) = (position, 0);
                position += size;
            }

            while (true)
            {
                var wanted = (int)Math.Min(BatchPlaintext, TotalLength - length);
                if (wanted == 0)
                {
                    if (await data.ReadAsync(plain.AsMemory(0, 1), cancellationToken) > 0)
                    {
                        hash?.Spoil();
                        Undo(file, state.End);
                        throw new StagingConflictException($"The data is longer than the declared {TotalLength} bytes.", state.PlainLength);
                    }

                    break;
                }

                var filled = 0;
                ExceptionDispatchInfo? failure = null;
                try
                {
                    while (filled < wanted)
                    {
                        var read = await data.ReadAsync(plain.AsMemory(filled, wanted - filled), cancellationToken);
                        if (read == 0)
                        {
                            break;
                        }

                        filled += read;
                    }
                }
                catch (Exception ex) when (filled > 0)
                {
                    // Keep what arrived before the connection dropped: the client resumes after it.
                    failure = ExceptionDispatchInfo.Capture(ex);
                }

                if (filled > 0)
                {
                    var count = filled;
                    var hashing = hash is null ? Task.CompletedTask : Task.Run(() => hash.Append(plain.AsSpan(0, count)), CancellationToken.None);
                    try
                    {
                        // Each record is written as soon as it is sealed, while it is still in the
                        // processor's cache: the kernel's copy of 1 MiB writes cost far more here.
                        for (var at = 0; at < filled;)
                        {
                            var recordLength = Math.Min(BlobRecordCipher.MaxRecordPlaintext, filled - at);
                            var size = cipher.Seal(counter, last: length + at + recordLength == TotalLength, plain.AsSpan(at, recordLength), records);
                            await WriteAsync(handle, records.AsMemory(0, size), position, hash);
                            (lastStart, lastLength) = (position, recordLength);
                            position += size;
                            counter = checked(counter + 1);
                            at += recordLength;
                        }
                    }
                    finally
                    {
                        // The plaintext buffer is wiped and reused only once the hash has read it.
                        await hashing;
                    }

                    length += filled;
                }

                failure?.Throw();
                if (filled < wanted)
                {
                    break;
                }
            }

            return new StagingState(length, counter, position, lastStart, lastLength);
        }
        finally
        {
            // Nothing is reported (or left for a resume) before it is on the disk.
            try
            {
                FlushToDisk(file, hash);
            }
            finally
            {
                System.Security.Cryptography.CryptographicOperations.ZeroMemory(plain);
                ArrayPool<byte>.Shared.Return(plain);
                ArrayPool<byte>.Shared.Return(records);
            }
        }
    }

    private static void FlushToDisk(FileStream file, StagedHash? hash)
    {
        try
        {
            file.Flush(flushToDisk: true);
        }
        catch
        {
            hash?.Spoil();
            throw;
        }
    }

    /// <summary>Plaintext read and hashed at a time (16 records).</summary>
    private const int BatchPlaintext = 16 * BlobRecordCipher.MaxRecordPlaintext;

    /// <summary>Writes sealed records; a failed write leaves the disk unknown, so the carried hash is dropped.</summary>
    private static async Task WriteAsync(Microsoft.Win32.SafeHandles.SafeFileHandle handle, ReadOnlyMemory<byte> records, long position, StagedHash? hash)
    {
        try
        {
            await RandomAccess.WriteAsync(handle, records, position, CancellationToken.None);
        }
        catch
        {
            hash?.Spoil();
            throw;
        }
    }

    /// <summary>
    /// Walks the record lengths (no decryption), cuts a torn tail off, and authenticates the last complete
    /// record. Returns no cipher when the file has no complete header yet (a crash during creation).
    /// </summary>
    private async Task<(StagingState State, BlobRecordCipher? Cipher, byte[] Header)> ScanAsync(FileStream file, CancellationToken cancellationToken)
    {
        var handle = file.SafeFileHandle;
        var fileLength = RandomAccess.GetLength(handle);
        if (fileLength < BlobHeader.Size)
        {
            return (new StagingState(0, 0, 0, -1, 0), null, []);
        }

        var headerBytes = new byte[BlobHeader.Size];
        await RandomAccess.ReadAsync(handle, headerBytes, 0, cancellationToken);
        var cipher = await EncryptedBlobStore.CipherForAsync(BlobHeader.Parse(headerBytes), _target, _dataKeys, cancellationToken);
        try
        {
            var checkpoint = await ReadCheckpointAsync(fileLength, cancellationToken);
            try
            {
                return (await WalkAsync(file, cipher, fileLength, checkpoint, cancellationToken), cipher, headerBytes);
            }
            catch (BlobIntegrityException) when (checkpoint is not null)
            {
                // The checkpoint led astray (written for an earlier file of the same upload id, or
                // altered): walk from the start, which decides on the file alone.
                DeleteCheckpoint();

                return (await WalkAsync(file, cipher, RandomAccess.GetLength(handle), null, cancellationToken), cipher, headerBytes);
            }
        }
        catch
        {
            cipher.Dispose();
            throw;
        }
    }

    /// <summary>Walks the record lengths from the checkpoint (or the header), cuts a torn tail off and authenticates the last complete record.</summary>
    private async Task<StagingState> WalkAsync(FileStream file, BlobRecordCipher cipher, long fileLength, StagingState? checkpoint, CancellationToken cancellationToken)
    {
        var handle = file.SafeFileHandle;
        var prefix = new byte[BlobRecordCipher.LengthSize];
        var from = checkpoint ?? new StagingState(0, 0, BlobHeader.Size, -1, 0);
        var position = from.End;
        var length = from.PlainLength;
        var records = from.Records;
        var lastStart = from.LastStart;
        var lastLength = from.LastLength;
        while (length < TotalLength || (TotalLength == 0 && records == 0))
        {
            if (position + BlobRecordCipher.LengthSize > fileLength)
            {
                break;
            }

            await RandomAccess.ReadAsync(handle, prefix, position, cancellationToken);
            var recordLength = BinaryPrimitives.ReadInt32BigEndian(prefix);
            var valid = recordLength is >= 0 and <= BlobRecordCipher.MaxRecordPlaintext
                && (recordLength > 0 || TotalLength == 0)
                && length + recordLength <= TotalLength
                && position + BlobRecordCipher.LengthSize + recordLength + BlobRecordCipher.TagSize <= fileLength;
            if (!valid)
            {
                break;
            }

            lastStart = position;
            lastLength = recordLength;
            position += BlobRecordCipher.LengthSize + recordLength + BlobRecordCipher.TagSize;
            length += recordLength;
            records++;
        }

        // Authenticate before cutting anything: a walk that went wrong must not shorten the file.
        if (records > 0)
        {
            await AuthenticateAsync(handle, cipher, lastStart, lastLength, records - 1, last: length == TotalLength, cancellationToken);
        }

        if (position < fileLength)
        {
            // A torn record (or bytes past the final record): never reported, so safe to drop.
            file.SetLength(position);
            file.Flush(flushToDisk: true);
        }

        var state = new StagingState(length, records, position, lastStart, lastLength);
        if (records > 0 && state != checkpoint)
        {
            await WriteCheckpointAsync(state, cancellationToken);
        }

        return state;
    }

    private string CheckpointPath => FilePath + ".end";

    // File.Delete throws when the staging folder was never made (an upload refused or ended before
    // its first byte), so ask first.
    private void DeleteCheckpoint()
    {
        if (File.Exists(CheckpointPath))
        {
            File.Delete(CheckpointPath);
        }
    }

    /// <summary>Reads the checkpoint when it is whole (its own SHA-256 prefix matches) and fits the file; otherwise null.</summary>
    private async Task<StagingState?> ReadCheckpointAsync(long fileLength, CancellationToken cancellationToken)
    {
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(CheckpointPath, cancellationToken);
        }
        catch (FileNotFoundException)
        {
            return null;
        }

        if (bytes.Length != CheckpointSize || !System.Security.Cryptography.SHA256.HashData(bytes.AsSpan(8)).AsSpan(0, 8).SequenceEqual(bytes.AsSpan(0, 8)))
        {
            return null;
        }

        var state = new StagingState(
            BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(8)),
            BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(16)),
            BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(20)),
            BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(28)),
            BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(36)));
        var plausible = state.Records > 0 && state.PlainLength >= 0 && state.PlainLength <= TotalLength
            && state.LastStart >= BlobHeader.Size && state.LastLength is >= 0 and <= BlobRecordCipher.MaxRecordPlaintext
            && state.End == state.LastStart + BlobRecordCipher.LengthSize + state.LastLength + BlobRecordCipher.TagSize
            && state.End <= fileLength;
        return plausible ? state : null;
    }

    /// <summary>Replaces the checkpoint (write then rename, so a crash leaves the old one or the new one).</summary>
    private async Task WriteCheckpointAsync(StagingState state, CancellationToken cancellationToken)
    {
        var bytes = new byte[CheckpointSize];
        BinaryPrimitives.WriteInt64BigEndian(bytes.AsSpan(8), state.PlainLength);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(16), state.Records);
        BinaryPrimitives.WriteInt64BigEndian(bytes.AsSpan(20), state.End);
        BinaryPrimitives.WriteInt64BigEndian(bytes.AsSpan(28), state.LastStart);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(36), state.LastLength);
        System.Security.Cryptography.SHA256.HashData(bytes.AsSpan(8)).AsSpan(0, 8).CopyTo(bytes);
        var temporary = CheckpointPath + ".tmp";
        await File.WriteAllBytesAsync(temporary, bytes, CancellationToken.None);
        File.Move(temporary, CheckpointPath, overwrite: true);
    }

    private const int CheckpointSize = 40;

    private static async Task AuthenticateAsync(Microsoft.Win32.SafeHandles.SafeFileHandle handle, BlobRecordCipher cipher, long start, int length, uint counter, bool last, CancellationToken cancellationToken)
    {
        var sealedRecord = ArrayPool<byte>.Shared.Rent(length + BlobRecordCipher.TagSize);
        var plain = ArrayPool<byte>.Shared.Rent(Math.Max(length, 1));
        try
        {
            await RandomAccess.ReadAsync(handle, sealedRecord.AsMemory(0, length + BlobRecordCipher.TagSize), start + BlobRecordCipher.LengthSize, cancellationToken);
            if (!cipher.TryOpen(counter, last, sealedRecord.AsSpan(0, length + BlobRecordCipher.TagSize), plain))
            {
                throw new BlobIntegrityException(
                    "The staged upload does not authenticate: it was started for another blob key or length, or its bytes were altered.");
            }
        }
        finally
        {
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(plain);
            ArrayPool<byte>.Shared.Return(sealedRecord);
            ArrayPool<byte>.Shared.Return(plain);
        }
    }

    private static void Undo(FileStream file, long end)
    {
        file.SetLength(end);
        file.Flush(flushToDisk: true);
    }

    private FileStream OpenExclusive(FileMode mode)
    {
        try
        {
            return new FileStream(FilePath, mode, FileAccess.ReadWrite, FileShare.None, bufferSize: 0, FileOptions.Asynchronous);
        }
        catch (FileNotFoundException)
        {
            throw new StagingConflictException("The upload has no staged bytes (it was completed or deleted).", 0);
        }
        catch (IOException ex) when (ex is not FileNotFoundException and not DirectoryNotFoundException && File.Exists(FilePath))
        {
            throw new StagingConflictException("The upload is being written by another request.", durableLength: null);
        }
    }

    /// <summary>Where the staged records end; <paramref name="LastStart"/> is -1 before the first record.</summary>
    private sealed record StagingState(long PlainLength, uint Records, long End, long LastStart, int LastLength);
}
