using System.Runtime.InteropServices;

namespace Portal.Core.Data;

/// <summary>
/// Gives memory that native code freed back to the operating system. SQLite allocates with the C
/// library's malloc; glibc keeps what a closed connection freed in its arenas, so closing the
/// connections of a thousand idle practices would not lower the process's RSS without
/// <c>malloc_trim</c>. A no-op where there is no glibc (other C libraries, other systems).
/// </summary>
internal static class NativeHeap
{
    private static bool _unavailable = !OperatingSystem.IsLinux();

    public static void ReturnFreedPages()
    {
        if (_unavailable)
        {
            return;
        }

        try
        {
            _ = MallocTrim(0);
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            _unavailable = true;
        }
    }

    [DllImport("libc", EntryPoint = "malloc_trim")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int MallocTrim(nuint pad);
}
