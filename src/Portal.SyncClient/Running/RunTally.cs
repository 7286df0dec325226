using PortalSync.Planning;

namespace PortalSync.Running;

/// <summary>What a run did: outcomes per kind, the rows that did not go, files downloaded, records written back.</summary>
internal sealed class RunTally
{
    public Dictionary<string, Dictionary<string, int>> Counts { get; } = new(StringComparer.Ordinal);

    public List<RowError> Errors { get; } = [];

    /// <summary>Kinds with changes the portal does not take now (their feature is off): kept for a later run.</summary>
    public List<string> Skipped { get; } = [];

    public int Uploaded { get; set; }

    public int Downloaded { get; set; }

    public int WrittenBack { get; set; }

    public void Count(string kind, string outcome, int by = 1)
    {
        if (!Counts.TryGetValue(kind, out var outcomes))
        {
            Counts[kind] = outcomes = new(StringComparer.Ordinal);
        }

        outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + by;
    }
}
