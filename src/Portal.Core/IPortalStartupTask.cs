namespace Portal.Core;

/// <summary>Work the host does once at start, after the stores are migrated (seed operator, demo practice).</summary>
public interface IPortalStartupTask
{
    int Order { get; }

    Task RunAsync(CancellationToken cancellationToken);
}
