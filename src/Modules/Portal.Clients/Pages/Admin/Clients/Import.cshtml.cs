using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Clients.Models;
using Portal.Clients.Services;
using Portal.Core.Navigation;
using Portal.Core.Security;

namespace Portal.Clients.Pages.Admin.Clients;

/// <summary>Upload a CSV file, see every row and its problems, then import all of it or nothing.</summary>
[RequirePermission(Permissions.ManageClientsName)]
[RequestSizeLimit(RequestLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = RequestLimit)]
public sealed class ImportClientsModel(ClientImporter importer) : PageModel
{
    // Somewhat above the file limit, so a slightly larger file gets a clear message rather than a bare 413.
    private const long RequestLimit = ClientImporter.MaxFileBytes + (1024 * 1024);

    [BindProperty(SupportsGet = true, Name = "id")]
    public Guid? PendingId { get; set; }

    public ImportPreview? Preview { get; private set; }

    public string? FileError { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (PendingId is { } id)
        {
            Preview = await importer.LoadAsync(id, HttpContext.RequestAborted);
            if (Preview is null)
            {
                TempData[TempDataKeys.Error] = "That preview has expired or was already imported. Upload the file again.";
                return RedirectToPage("/Admin/Clients/Import");
            }
        }

        return Page();
    }

    public IActionResult OnGetTemplate()
        => File(ClientCsv.Template(), "text/csv; charset=utf-8", "clients-template.csv");

    public async Task<IActionResult> OnPostAsync(IFormFile? file)
    {
        PendingId = null;
        if (file is null || file.Length == 0)
        {
            return Failed("Choose a CSV file to upload.");
        }

        if (!string.Equals(Path.GetExtension(file.FileName), ".csv", StringComparison.OrdinalIgnoreCase))
        {
            return Failed("Choose a .csv file. In Excel, use File › Save As › \"CSV UTF-8 (Comma delimited)\".");
        }

        if (file.Length > ClientImporter.MaxFileBytes)
        {
            return Failed($"The file is larger than {ClientImporter.MaxFileBytes / (1024 * 1024)} MB. Split it into smaller files.");
        }

        byte[] content;
        using (var buffer = new MemoryStream())
        {
            await file.CopyToAsync(buffer, HttpContext.RequestAborted);
            content = buffer.ToArray();
        }

        Preview = await importer.PreviewAsync(file.FileName, content, HttpContext.RequestAborted);
        PendingId = Preview.PendingId;
        if (!Preview.CanImport)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(Guid id)
    {
        var (imported, problems) = await importer.ConfirmAsync(id, HttpContext.RequestAborted);
        if (problems is not null)
        {
            // Something changed since the preview (e.g. an external ID now taken): nothing was imported.
            Preview = problems;
            PendingId = id;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        if (imported == 0)
        {
            TempData[TempDataKeys.Error] = "That preview has expired or was already imported. Upload the file again.";
            return RedirectToPage("/Admin/Clients/Import");
        }

        TempData[TempDataKeys.Status] = imported == 1 ? "1 client was imported." : $"{imported} clients were imported.";
        return RedirectToPage("/Admin/Clients/Index", new { sort = "created", dir = "desc" });
    }

    private PageResult Failed(string message)
    {
        FileError = message;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
