namespace Portal.Reports.Journals;

/// <summary>
/// What was written: one file, or (when a program's per-file limit was reached) a zip of
/// <see cref="Parts"/> files, each whole entries only and each within the limit.
/// </summary>
public sealed record JournalFileResult(int Entries, int Parts)
{
    public bool IsZip => Parts > 1;

    public string ContentType(JournalFileWriter writer) => IsZip ? "application/zip" : writer.ContentType;

    public string FileName(JournalFileWriter writer, string baseName) => baseName + (IsZip ? ".zip" : writer.FileExtension);
}
