using Portal.Documents.Models;

namespace Portal.Documents.Services;

/// <summary>
/// A client's folders as the tree they form, each under its parent and in name order, for the folder
/// list and the "Put them in" choices. A folder whose parent the user cannot see (a contributor may
/// be shared only a subfolder) stands at the top, so every folder the user may see is shown once.
/// </summary>
public sealed class FolderTree
{
    public const string PathSeparator = " / ";

    private FolderTree(IReadOnlyList<FolderNode> roots) => Roots = roots;

    public IReadOnlyList<FolderNode> Roots { get; }

    public static FolderTree Of(IEnumerable<Folder> folders)
    {
        var all = folders.ToList();
        var ids = all.Select(f => f.Id).ToHashSet();
        var children = all.Where(f => f.ParentId is { } parent && ids.Contains(parent))
            .ToLookup(f => f.ParentId!.Value);
        var placed = new HashSet<Guid>();
        var roots = Ordered(all.Where(f => f.ParentId is not { } parent || !ids.Contains(parent)))
            .Select(f => Node(f, null, 0, children, placed)).ToList();

        // Folders whose parents point at each other never reach the top: keep them visible anyway.
        roots.AddRange(Ordered(all).Where(f => !placed.Contains(f.Id)).Select(f => Node(f, null, 0, children, placed)));
        return new FolderTree(roots);
    }

    /// <summary>Every folder, parents before their children, as the tree reads from top to bottom.</summary>
    public IEnumerable<FolderNode> TopToBottom() => Roots.SelectMany(Walk);

    private static IEnumerable<FolderNode> Walk(FolderNode node) => node.Children.SelectMany(Walk).Prepend(node);

    private static FolderNode Node(Folder folder, string? parentPath, int depth, ILookup<Guid, Folder> children, HashSet<Guid> placed)
    {
        placed.Add(folder.Id);
        var path = parentPath is null ? folder.Name : parentPath + PathSeparator + folder.Name;
        var below = Ordered(children[folder.Id].Where(c => !placed.Contains(c.Id)))
            .Select(c => Node(c, path, depth + 1, children, placed)).ToList();
        return new FolderNode(folder, path, depth, below);
    }

    private static IEnumerable<Folder> Ordered(IEnumerable<Folder> folders)
        => folders.OrderBy(f => f.Name, StringComparer.CurrentCultureIgnoreCase).ThenBy(f => f.Id);
}

/// <summary>One folder in a <see cref="FolderTree"/>: its path from the top ("2025 Tax return / Slips"), depth and subfolders.</summary>
public sealed record FolderNode(Folder Folder, string Path, int Depth, IReadOnlyList<FolderNode> Children);
