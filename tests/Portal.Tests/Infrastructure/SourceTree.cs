namespace Portal.Tests.Infrastructure;

/// <summary>The repository's source files, for tests that hold the code to a convention.</summary>
public static class SourceTree
{
    public static string Root { get; } = FindRoot();

    /// <summary>Files under src/ with the extension, as (path relative to the root, text).</summary>
    public static IReadOnlyList<(string Path, string Text)> Files(string extension)
        => Directory.EnumerateFiles(Path.Combine(Root, "src"), "*" + extension, SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(path => (Path.GetRelativePath(Root, path), File.ReadAllText(path)))
            .ToList();

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Portal.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"Portal.sln was not found above {AppContext.BaseDirectory}.");
    }
}
