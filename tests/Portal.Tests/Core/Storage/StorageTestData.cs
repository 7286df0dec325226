using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Storage;
using Portal.Core.Tenancy;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Core.Storage;

/// <summary>Helpers shared by the storage and encryption tests.</summary>
public static class StorageTestData
{
    public static byte[] Random(int length) => RandomNumberGenerator.GetBytes(length);

    public static string Sha256(byte[] data) => Convert.ToHexStringLower(SHA256.HashData(data));

    public static string Sha256(Stream data) => Convert.ToHexStringLower(SHA256.HashData(data));

    public static Task<T> WithStoreAsync<T>(this PortalApplication app, TenantDescriptor practice, Func<EncryptedBlobStore, Task<T>> work)
        => app.InPracticeAsync(practice, services => work(services.GetRequiredService<EncryptedBlobStore>()));

    public static Task WithStoreAsync(this PortalApplication app, TenantDescriptor practice, Func<EncryptedBlobStore, Task> work)
        => app.InPracticeAsync(practice, services => work(services.GetRequiredService<EncryptedBlobStore>()));

    public static Task<StoredBlob> WriteAsync(this PortalApplication app, TenantDescriptor practice, string blobKey, byte[] data)
        => app.WithStoreAsync(practice, store => store.WriteAsync(blobKey, new MemoryStream(data), CancellationToken.None));

    public static Task<byte[]> ReadAsync(this PortalApplication app, TenantDescriptor practice, string blobKey, string? expectedSha256 = null)
        => app.WithStoreAsync(practice, async store =>
        {
            await using var stream = await store.OpenReadAsync(blobKey, expectedSha256, CancellationToken.None);
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            return copy.ToArray();
        });

    /// <summary>The encrypted bytes as the backend stores them.</summary>
    public static async Task<byte[]> StoredBytesAsync(this PortalApplication app, TenantDescriptor practice, string blobKey)
    {
        await using var stream = await app.Get<IBlobBackend>().OpenReadAsync(BlobPath.Create(practice.Name, blobKey), CancellationToken.None);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    /// <summary>Replaces the stored bytes (through the backend) to simulate tampering at rest.</summary>
    public static async Task StoreBytesAsync(this PortalApplication app, TenantDescriptor practice, string blobKey, byte[] bytes)
        => await app.Get<IBlobBackend>().WriteAsync(BlobPath.Create(practice.Name, blobKey), new MemoryStream(bytes), CancellationToken.None);

    /// <summary>Settings for an S3 backend on the test s3rver, in a bucket of its own.</summary>
    public static PortalApplicationOptions UseS3(this PortalApplicationOptions options, string bucket)
        => options.Set("Portal:Storage:Provider", "S3")
            .Set("Portal:Storage:S3:ServiceUrl", TestEnvironment.S3Url)
            .Set("Portal:Storage:S3:ForcePathStyle", "true")
            .Set("Portal:Storage:S3:Bucket", bucket)
            .Set("Portal:Storage:S3:AccessKey", "S3RVER")
            .Set("Portal:Storage:S3:SecretKey", "S3RVER")
            .Set("Portal:Storage:S3:CreateBucket", "true")
            .Set("Portal:Storage:S3:PartSizeMiB", "5");

    public static string UniqueBucket() => "portal-test-" + Guid.NewGuid().ToString("N")[..12];
}
