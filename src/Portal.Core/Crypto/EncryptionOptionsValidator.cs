using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Portal.Core.Crypto;

/// <summary>
/// Checks the master keys at start (ValidateOnStart), so a mistyped key stops the process with a
/// clear message instead of failing the first upload. Production must configure its keys.
/// </summary>
public sealed class EncryptionOptionsValidator(IHostEnvironment environment) : IValidateOptions<EncryptionOptions>
{
    public ValidateOptionsResult Validate(string? name, EncryptionOptions options)
    {
        var errors = new List<string>();
        var section = EncryptionOptions.Section;
        if (environment.IsProduction() && options.GenerateDevelopmentKey == true)
        {
            errors.Add($"{section}:GenerateDevelopmentKey cannot be used in Production: configure {section}:MasterKeys.");
        }

        if (options.MasterKeys.Count == 0)
        {
            if (environment.IsProduction())
            {
                errors.Add($"No master key is configured. Production needs {section}:MasterKeys (a list of {{ Id, Key }} with Key the base64 of 32 random bytes, "
                    + $"e.g. from 'openssl rand -base64 32') and {section}:ActiveMasterKeyId, kept apart from the data (environment or secret store).");
            }

            return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.MasterKeys.Count; i++)
        {
            var key = options.MasterKeys[i];
            if (string.IsNullOrWhiteSpace(key.Id) || key.Id.Length > 100)
            {
                errors.Add($"{section}:MasterKeys:{i}:Id must be set (at most 100 characters).");
            }
            else if (!ids.Add(key.Id))
            {
                errors.Add($"{section}:MasterKeys has two keys with the id '{key.Id}'.");
            }

            if (!IsKey(key.Key))
            {
                errors.Add($"{section}:MasterKeys:{i}:Key (id '{key.Id}') must be the base64 of exactly 32 bytes.");
            }
        }

        if (string.IsNullOrEmpty(options.ActiveMasterKeyId))
        {
            if (options.MasterKeys.Count > 1)
            {
                errors.Add($"{section}:ActiveMasterKeyId must name the key new data keys are wrapped with.");
            }
        }
        else if (!ids.Contains(options.ActiveMasterKeyId))
        {
            errors.Add($"{section}:ActiveMasterKeyId '{options.ActiveMasterKeyId}' is not one of {section}:MasterKeys.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static bool IsKey(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        Span<byte> buffer = stackalloc byte[48];
        return Convert.TryFromBase64String(value.Trim(), buffer, out var written) && written == 32;
    }
}
