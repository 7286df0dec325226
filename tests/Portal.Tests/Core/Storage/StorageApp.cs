using Portal.Core.Data;
using Portal.Core.Tenancy;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Core.Storage;

/// <summary>One application on a storage backend with two practices, shared by the tests of a suite.</summary>
public abstract class StorageApp : IAsyncLifetime
{
    private PortalApplication? _app;

    public PortalApplication App => _app ?? throw new InvalidOperationException("Not started.");

    public TenantDescriptor First { get; private set; } = null!;

    public TenantDescriptor Second { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _app = await PortalApplication.StartAsync(DatabaseProvider.Sqlite, Configure);
        First = await _app.CreatePracticeAsync();
        Second = await _app.CreatePracticeAsync();
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    protected abstract void Configure(PortalApplicationOptions options);
}

public sealed class FileSystemStorageApp : StorageApp
{
    protected override void Configure(PortalApplicationOptions options) => options.Set("Portal:Storage:Provider", "FileSystem");
}

public sealed class S3StorageApp : StorageApp
{
    protected override void Configure(PortalApplicationOptions options) => options.UseS3(StorageTestData.UniqueBucket());
}
