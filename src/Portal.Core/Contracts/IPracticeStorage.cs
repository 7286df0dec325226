namespace Portal.Core.Contracts;

/// <summary>How much of its storage the current practice uses (the Documents module, whose quota it is).</summary>
public interface IPracticeStorage
{
    Task<PracticeStorageUse> GetAsync(CancellationToken cancellationToken = default);
}

/// <param name="UsedBytes">Current and earlier versions, trash and attachments.</param>
/// <param name="LimitBytes">The quota in force: the plan's storage, or the documents setting.</param>
public sealed record PracticeStorageUse(long UsedBytes, long LimitBytes);
