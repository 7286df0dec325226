namespace Portal.Core;

/// <summary>
/// A command-line task a module offers, run as <c>dotnet Portal.Web.dll {name} [args]</c> (or
/// <c>./run.sh {name} ...</c>) instead of serving: the stores are migrated first, then the command
/// runs and its result is the process exit code.
/// </summary>
public interface IPortalCommand
{
    string Name { get; }

    string Description { get; }

    Task<int> RunAsync(IReadOnlyList<string> arguments, TextWriter output, CancellationToken cancellationToken);
}
