using Microsoft.Extensions.Options;
using Portal.Core.Scanning;

namespace Portal.Documents.Services;

/// <summary>
/// While scanning is on, a file larger than the scanner accepts could never be scanned nor released:
/// <see cref="DocumentOptions.MaxFileSize"/> is lowered to <see cref="ScanningOptions.MaxFileSize"/>,
/// so such an upload is refused at once with the limit in the message, wherever the limit is read.
/// </summary>
internal sealed class ScannableFileSize(IOptions<ScanningOptions> scanning) : IPostConfigureOptions<DocumentOptions>
{
    public void PostConfigure(string? name, DocumentOptions options)
    {
        if (scanning.Value.IsOn)
        {
            options.MaxFileSize = Math.Min(options.MaxFileSize, scanning.Value.MaxFileSize);
        }
    }
}
