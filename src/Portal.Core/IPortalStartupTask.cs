namespace Portal.Core;

/// <summary>Work the host does once at start, after the stores are migrated (seed operator, demo practice).</summary>
public interface IPortalStartupTask
{
    /// <summary>Tasks run in ascending order; tasks with the same order are independent and run side by side.</summary>
    int Order { get; }

    Task RunAsync(CancellationToken cancellationToken);
}
