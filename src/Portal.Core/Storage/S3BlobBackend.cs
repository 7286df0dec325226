using System.Buffers;
using System.Net;
using System.Runtime.CompilerServices;
using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Amazon.S3.Util;
using Microsoft.Extensions.Options;

namespace Portal.Core.Storage;

/// <summary>
/// Blobs as objects <c>{prefix}{practice}/{key}</c> in one bucket of an S3-compatible store. A write
/// shorter than one part is a single PUT; a longer one is a multipart upload of fixed-size parts (two
/// pooled part buffers: one uploading while the next fills), completed only at the end and aborted on
/// failure, so the object appears whole or not at all and memory does not grow with the file.
/// </summary>
public sealed class S3BlobBackend : IBlobBackend, IDisposable
{
    private const string ContentType = "application/octet-stream";

    private readonly AmazonS3Client _client;
    private readonly S3StorageOptions _options;
    private readonly int _partSize;
    private readonly SemaphoreSlim _bucketLock = new(1, 1);
    private volatile bool _bucketReady;

    public S3BlobBackend(IOptions<StorageOptions> options)
    {
        _options = options.Value.S3;
        _partSize = _options.PartSizeMiB * 1024 * 1024;
        var config = new AmazonS3Config
        {
            ForcePathStyle = _options.ForcePathStyle,

            // Checksums only where S3 requires them: S3-compatible servers (s3rver, older MinIO) do not
            // understand the trailing checksums SDK v4 adds to uploads. Integrity is ours anyway (AES-GCM).
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        if (!string.IsNullOrEmpty(_options.ServiceUrl))
        {
            config.ServiceURL = _options.ServiceUrl;
            config.AuthenticationRegion = _options.Region;
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(_options.Region);
        }

        _client = string.IsNullOrEmpty(_options.AccessKey)
            ? new AmazonS3Client(config)
            : new AmazonS3Client(new BasicAWSCredentials(_options.AccessKey, _options.SecretKey), config);
    }

    public string Bucket => _options.Bucket;

    public string ObjectKey(BlobPath path) => $"{_options.KeyPrefix}{path.Practice}/{path.Key}";

    public async Task WriteAsync(BlobPath path, Stream content, CancellationToken cancellationToken)
    {
        await EnsureBucketAsync(cancellationToken);
        var key = ObjectKey(path);
        var current = ArrayPool<byte>.Shared.Rent(_partSize);
        var next = ArrayPool<byte>.Shared.Rent(_partSize);
        try
        {
            var filled = await content.ReadAtLeastAsync(current.AsMemory(0, _partSize), _partSize, throwOnEndOfStream: false, cancellationToken);
            if (filled < _partSize)
            {
                using var body = new MemoryStream(current, 0, filled, writable: false);
                await _client.PutObjectAsync(
                    new PutObjectRequest
                    {
                        BucketName = Bucket,
                        Key = key,
                        InputStream = body,
                        AutoCloseStream = false,
                        ContentType = ContentType,
                        UseChunkEncoding = false,
                    },
                    cancellationToken);
                return;
            }

            await MultipartAsync(key, content, current, filled, next, cancellationToken);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(current);
            ArrayPool<byte>.Shared.Return(next);
        }
    }

    public async Task ImportAsync(BlobPath path, string localFile, CancellationToken cancellationToken)
    {
        await using (var file = new FileStream(localFile, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.Asynchronous | FileOptions.SequentialScan))
        {
            await WriteAsync(path, file, cancellationToken);
        }

        File.Delete(localFile);
    }

    public async Task<Stream> OpenReadAsync(BlobPath path, CancellationToken cancellationToken)
    {
        await EnsureBucketAsync(cancellationToken);
        try
        {
            var response = await _client.GetObjectAsync(Bucket, ObjectKey(path), cancellationToken);
            return new S3ObjectStream(response);
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            throw new BlobNotFoundException(path.Key, ex);
        }
    }

    public async Task DeleteAsync(BlobPath path, CancellationToken cancellationToken)
    {
        await EnsureBucketAsync(cancellationToken);
        await _client.DeleteObjectAsync(Bucket, ObjectKey(path), cancellationToken);
    }

    public async Task<bool> ExistsAsync(BlobPath path, CancellationToken cancellationToken)
    {
        await EnsureBucketAsync(cancellationToken);
        try
        {
            await _client.GetObjectMetadataAsync(Bucket, ObjectKey(path), cancellationToken);
            return true;
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    public async IAsyncEnumerable<string> ListKeysAsync(string practice, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        _ = BlobPath.Create(practice, "probe");
        await EnsureBucketAsync(cancellationToken);
        var prefix = $"{_options.KeyPrefix}{practice}/";
        var request = new ListObjectsV2Request { BucketName = Bucket, Prefix = prefix };
        while (true)
        {
            var response = await _client.ListObjectsV2Async(request, cancellationToken);
            foreach (var item in response.S3Objects ?? [])
            {
                var key = item.Key[prefix.Length..];
                if (BlobPath.IsValidKey(key))
                {
                    yield return key;
                }
            }

            if (response.IsTruncated != true || string.IsNullOrEmpty(response.NextContinuationToken))
            {
                yield break;
            }

            request.ContinuationToken = response.NextContinuationToken;
        }
    }

    public void Dispose()
    {
        _client.Dispose();
        _bucketLock.Dispose();
    }

    private async Task MultipartAsync(string key, Stream content, byte[] current, int filled, byte[] next, CancellationToken cancellationToken)
    {
        var upload = await _client.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { BucketName = Bucket, Key = key, ContentType = ContentType }, cancellationToken);
        var parts = new List<PartETag>();
        Task<PartETag>? previous = null;
        Task<PartETag>? latest = null;
        try
        {
            var partNumber = 1;
            while (filled > 0)
            {
                latest = UploadPartAsync(key, upload.UploadId, partNumber++, current, filled, cancellationToken);
                if (previous is not null)
                {
                    parts.Add(await previous);
                }

                // The previous part's buffer is free again: fill it while this part uploads.
                (previous, latest) = (latest, null);
                (current, next) = (next, current);
                filled = await content.ReadAtLeastAsync(current.AsMemory(0, _partSize), _partSize, throwOnEndOfStream: false, cancellationToken);
            }

            parts.Add(await previous!);
            previous = null;
            await _client.CompleteMultipartUploadAsync(
                new CompleteMultipartUploadRequest { BucketName = Bucket, Key = key, UploadId = upload.UploadId, PartETags = parts },
                cancellationToken);
        }
        catch
        {
            // The buffers go back to the pool when this returns: parts in flight must be done with them first.
            await QuietlyAsync(previous);
            await QuietlyAsync(latest);
            await _client.AbortMultipartUploadAsync(new AbortMultipartUploadRequest { BucketName = Bucket, Key = key, UploadId = upload.UploadId }, CancellationToken.None);
            throw;
        }
    }

    private async Task<PartETag> UploadPartAsync(string key, string uploadId, int partNumber, byte[] buffer, int length, CancellationToken cancellationToken)
    {
        using var body = new MemoryStream(buffer, 0, length, writable: false);
        var response = await _client.UploadPartAsync(
            new UploadPartRequest
            {
                BucketName = Bucket,
                Key = key,
                UploadId = uploadId,
                PartNumber = partNumber,
                InputStream = body,
                PartSize = length,
                UseChunkEncoding = false,
            },
            cancellationToken);
        return new PartETag(partNumber, response.ETag);
    }

    private static async Task QuietlyAsync(Task? task)
    {
        if (task is null)
        {
            return;
        }

        try
        {
            await task;
        }
        catch (Exception)
        {
            // Already failing; the abort discards the part either way.
        }
    }

    private async Task EnsureBucketAsync(CancellationToken cancellationToken)
    {
        if (_bucketReady || !_options.CreateBucket)
        {
            return;
        }

        await _bucketLock.WaitAsync(cancellationToken);
        try
        {
            if (!_bucketReady && !await AmazonS3Util.DoesS3BucketExistV2Async(_client, Bucket))
            {
                await _client.PutBucketAsync(new PutBucketRequest { BucketName = Bucket, UseClientRegion = true }, cancellationToken);
            }

            _bucketReady = true;
        }
        finally
        {
            _bucketLock.Release();
        }
    }
}
