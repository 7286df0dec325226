namespace PortalSync.Data;

/// <summary>
/// The practice's data, read the same way whatever keeps it (a SQLite data file, a folder of CSV
/// exports): the columns are in <see cref="PracticeSchema"/> and docs/sync.md.
/// </summary>
internal interface IPracticeDataSource : IAsyncDisposable
{
    /// <summary>What the data is, for messages ("practice.sqlite").</summary>
    string Description { get; }

    Task<IReadOnlyList<Contact>> ReadContactsAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<StaffMember>> ReadStaffAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<Invoice>> ReadInvoicesAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<Payment>> ReadPaymentsAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<Project>> ReadProjectsAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<Assignment>> ReadAssignmentsAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<PracticeDocument>> ReadDocumentsAsync(CancellationToken cancellationToken);

    /// <summary>Where the portal's news goes back to the practice.</summary>
    IWriteBackSink WriteBack { get; }
}
