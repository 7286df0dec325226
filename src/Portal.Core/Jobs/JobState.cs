namespace Portal.Core.Jobs;

public enum JobState
{
    Pending = 0,
    Running = 1,
    Succeeded = 2,

    /// <summary>Gave up after its last attempt, or cannot run any more (its practice is gone).</summary>
    Failed = 3,
}
