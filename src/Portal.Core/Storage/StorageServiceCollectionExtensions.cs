using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Core.Crypto;

namespace Portal.Core.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers encryption at rest (master keys, practice data keys, the rotation command) and blob
    /// storage (the configured backend and <see cref="EncryptedBlobStore"/>). Both option sections are
    /// validated at start, so Production without master keys does not start.
    /// </summary>
    public static IServiceCollection AddPortalStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EncryptionOptions>().Bind(configuration.GetSection(EncryptionOptions.Section)).ValidateOnStart();
        services.AddSingleton<IPostConfigureOptions<EncryptionOptions>, DevelopmentMasterKey>();
        services.AddSingleton<IValidateOptions<EncryptionOptions>, EncryptionOptionsValidator>();
        services.AddSingleton<MasterKeyRing>();
        services.AddScoped<DataKeyStore>();
        services.AddSingleton<DataProtectionKeyRewrapper>();
        services.AddSingleton<IPortalCommand, RotateMasterKeyCommand>();

        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        services.AddSingleton<IBlobBackend>(provider =>
            provider.GetRequiredService<IOptions<StorageOptions>>().Value.Provider == StorageProvider.S3
                ? ActivatorUtilities.CreateInstance<S3BlobBackend>(provider)
                : ActivatorUtilities.CreateInstance<FileSystemBlobBackend>(provider));
        services.AddSingleton<StagedUploadHashes>();
        services.AddScoped<EncryptedBlobStore>();
        return services;
    }
}
