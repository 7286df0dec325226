using System.Diagnostics;

namespace PortalSync.Hosting;

/// <summary>The system's browser: xdg-open on Linux, open on macOS, the shell on Windows.</summary>
internal sealed class SystemBrowser : IBrowserLauncher
{
    public Task<bool> OpenAsync(Uri address, CancellationToken cancellationToken)
    {
        try
        {
            var start = OperatingSystem.IsWindows()
                ? new ProcessStartInfo(address.AbsoluteUri) { UseShellExecute = true }
                : new ProcessStartInfo(OperatingSystem.IsMacOS() ? "open" : "xdg-open", [address.AbsoluteUri])
                {
                    UseShellExecute = false,
                    RedirectStandardError = true,
                    RedirectStandardOutput = true,
                };
            using var process = Process.Start(start);
            return Task.FromResult(process is not null);
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return Task.FromResult(false);
        }
    }
}
