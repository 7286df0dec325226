using Microsoft.Extensions.Options;

namespace Portal.Core.Storage;

/// <summary>Checks <c>Portal:Storage</c> at start, so a missing bucket name stops the process, not the first upload.</summary>
public sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        if (options.Provider != StorageProvider.S3)
        {
            return ValidateOptionsResult.Success;
        }

        var errors = new List<string>();
        var s3 = options.S3;
        if (string.IsNullOrWhiteSpace(s3.Bucket))
        {
            errors.Add($"{StorageOptions.Section}:S3:Bucket is required when {StorageOptions.Section}:Provider is S3.");
        }

        if (s3.ServiceUrl is { Length: > 0 } url && !Uri.TryCreate(url, UriKind.Absolute, out _))
        {
            errors.Add($"{StorageOptions.Section}:S3:ServiceUrl must be an absolute URL.");
        }

        if (string.IsNullOrEmpty(s3.AccessKey) != string.IsNullOrEmpty(s3.SecretKey))
        {
            errors.Add($"{StorageOptions.Section}:S3:AccessKey and SecretKey go together (or leave both empty for the default credentials).");
        }

        if (s3.PartSizeMiB is < 5 or > 512)
        {
            errors.Add($"{StorageOptions.Section}:S3:PartSizeMiB must be between 5 and 512.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
