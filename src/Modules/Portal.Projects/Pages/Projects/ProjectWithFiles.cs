using Portal.Core.Contracts;
using Portal.Projects.Services;

namespace Portal.Projects.Pages.Projects;

/// <summary>A project on the client's pages with the files of its folder the user may see.</summary>
public sealed record ProjectWithFiles(ClientProject Item, IReadOnlyList<ClientFolderFile> Files);
