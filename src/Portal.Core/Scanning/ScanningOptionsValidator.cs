using Microsoft.Extensions.Options;

namespace Portal.Core.Scanning;

/// <summary>Checks <c>Portal:Scanning</c> at start, so a mistyped port stops the process instead of holding every upload.</summary>
public sealed class ScanningOptionsValidator : IValidateOptions<ScanningOptions>
{
    public ValidateOptionsResult Validate(string? name, ScanningOptions options)
    {
        if (!options.IsOn)
        {
            return ValidateOptionsResult.Success;
        }

        var errors = new List<string>();
        var section = ScanningOptions.Section;
        if (string.IsNullOrWhiteSpace(options.Host))
        {
            errors.Add($"{section}:Host is required when {section}:Mode is Clamd (clamd's TCPAddr).");
        }

        if (options.Port is < 1 or > 65535)
        {
            errors.Add($"{section}:Port must be between 1 and 65535 (clamd's TCPSocket).");
        }

        if (options.Timeout <= TimeSpan.Zero)
        {
            errors.Add($"{section}:Timeout must be longer than zero.");
        }

        if (options.MaxFileSize < 1)
        {
            errors.Add($"{section}:MaxFileSize must be at least 1 byte (clamd's StreamMaxLength).");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
