namespace PortalSync.Hosting;

/// <summary>A failure that ends the command with a sentence for the person (never a stack trace).</summary>
internal class FatalException(string message, int exitCode = 1) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
