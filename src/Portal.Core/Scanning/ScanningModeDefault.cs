using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Portal.Core.Scanning;

/// <summary>Chooses <see cref="ScanningOptions.Mode"/> when the configuration does not: off only where no clamd is expected.</summary>
public sealed class ScanningModeDefault(IHostEnvironment environment) : IPostConfigureOptions<ScanningOptions>
{
    /// <summary>Environments that run without a scanner unless told otherwise.</summary>
    public static readonly IReadOnlyList<string> Environments = ["Development", "Demo", "Testing"];

    public void PostConfigure(string? name, ScanningOptions options)
        => options.Mode ??= Environments.Contains(environment.EnvironmentName, StringComparer.OrdinalIgnoreCase) ? ScanningMode.Off : ScanningMode.Clamd;
}
