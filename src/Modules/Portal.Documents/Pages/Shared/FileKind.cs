namespace Portal.Documents.Pages.Shared;

/// <summary>The group of file types a document list draws one icon for.</summary>
internal enum FileKind
{
    Other,
    Pdf,
    Spreadsheet,
    Image,
}
