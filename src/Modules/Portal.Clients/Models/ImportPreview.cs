namespace Portal.Clients.Models;

/// <summary>One row of an import file with the client it would create and what is wrong with it.</summary>
public sealed record ImportRowCheck(ImportRow Row, ClientInput Input, IReadOnlyList<FieldError> Errors);

/// <summary>
/// What an uploaded file would import. <see cref="PendingId"/> is set when the file is clean and its rows
/// are kept for confirmation.
/// </summary>
public sealed record ImportPreview(string FileName, IReadOnlyList<ImportRowCheck> Rows, IReadOnlyList<string> FileErrors, Guid? PendingId)
{
    public int RowsInError => Rows.Count(r => r.Errors.Count > 0);

    public bool CanImport => PendingId is not null && FileErrors.Count == 0 && Rows.Count > 0 && RowsInError == 0;
}
