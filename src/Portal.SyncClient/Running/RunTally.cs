using PortalSync.Planning;

namespace PortalSync.Running;

/// <summary>
/// What a run did: outcomes per kind, the rows that did not go, files downloaded, records written back.
/// Uploads add to it while the batches do, so outcomes, errors and uploads are added under a lock; it is
/// read once the run's work has ended.
/// </summary>
internal sealed class RunTally
{
    private readonly Lock _lock = new();
    private readonly List<RowError> _errors = [];
    private int _uploaded;

    public Dictionary<string, Dictionary<string, int>> Counts { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<RowError> Errors => _errors;

    /// <summary>Kinds with changes the portal does not take now (their feature is off): kept for a later run.</summary>
    public List<string> Skipped { get; } = [];

    public int Uploaded => Volatile.Read(ref _uploaded);

    public int Downloaded { get; set; }

    public int WrittenBack { get; set; }

    public void Count(string kind, string outcome, int by = 1)
    {
        lock (_lock)
        {
            if (!Counts.TryGetValue(kind, out var outcomes))
            {
                Counts[kind] = outcomes = new(StringComparer.Ordinal);
            }

            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + by;
        }
    }

    public void AddError(RowError error)
    {
        lock (_lock)
        {
            _errors.Add(error);
        }
    }

    public void AddErrors(IEnumerable<RowError> errors)
    {
        lock (_lock)
        {
            _errors.AddRange(errors);
        }
    }

    public void FileUploaded() => Interlocked.Increment(ref _uploaded);
}
