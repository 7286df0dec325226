using Portal.Core.Settings;

namespace Portal.Tests.Infrastructure;

/// <summary>A section of the test module with a secret field, the way payment keys and SMTP passwords will be kept.</summary>
public sealed record TestSecretSettings : ISettingsSection
{
    public static string SectionName => "test-secrets";

    public SecretString? ApiKey { get; init; }

    public string? Label { get; init; }
}
