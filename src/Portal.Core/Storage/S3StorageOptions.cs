namespace Portal.Core.Storage;

/// <summary><c>Portal:Storage:S3</c>: an S3-compatible bucket (AWS S3, MinIO, s3rver...).</summary>
public sealed class S3StorageOptions
{
    /// <summary>Endpoint of an S3-compatible server (MinIO, s3rver); leave empty for AWS, which uses <see cref="Region"/>.</summary>
    public string? ServiceUrl { get; set; }

    /// <summary>Path-style addressing (<c>host/bucket/key</c>); MinIO and s3rver need it.</summary>
    public bool ForcePathStyle { get; set; }

    public string Region { get; set; } = "us-east-1";

    public string Bucket { get; set; } = "";

    /// <summary>With <see cref="SecretKey"/>; leave both empty to use the AWS default credential chain (instance role, environment).</summary>
    public string? AccessKey { get; set; }

    public string? SecretKey { get; set; }

    /// <summary>Optional prefix of every object key (e.g. "portal/"), to share a bucket.</summary>
    public string? KeyPrefix { get; set; }

    /// <summary>Create the bucket on first use when it does not exist. Off by default: production buckets are provisioned with their policies.</summary>
    public bool CreateBucket { get; set; }

    /// <summary>Multipart part size in MiB (5 to 512; default 8). Two parts are in memory per upload in progress.</summary>
    public int PartSizeMiB { get; set; } = 8;
}
