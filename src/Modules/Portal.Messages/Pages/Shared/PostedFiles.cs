using Microsoft.AspNetCore.Http;
using Portal.Messages.Services;

namespace Portal.Messages.Pages.Shared;

/// <summary>The files of a posted form as message files; the streams are closed with it.</summary>
internal sealed class PostedFiles : IDisposable
{
    private readonly List<Stream> _streams = [];

    public PostedFiles(HttpRequest request)
    {
        var files = request.HasFormContentType ? request.Form.Files.Where(f => f.Length > 0 || f.FileName.Length > 0).ToList() : [];
        Files = files.Select(f =>
        {
            var stream = f.OpenReadStream();
            _streams.Add(stream);
            return new MessageFile(f.FileName, stream);
        }).ToList();
    }

    public IReadOnlyList<MessageFile> Files { get; }

    public void Dispose()
    {
        foreach (var stream in _streams)
        {
            stream.Dispose();
        }
    }
}
