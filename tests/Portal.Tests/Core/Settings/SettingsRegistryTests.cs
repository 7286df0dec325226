using System.Text.Json.Nodes;
using Portal.Core.Settings;
using Portal.Core.Theming;

namespace Portal.Tests.Core.Settings;

/// <summary>What a module may register as a settings section, and how a change to one is checked.</summary>
public sealed class SettingsRegistryTests
{
    [Fact]
    public void A_section_with_a_setter_is_refused_at_registration()
    {
        var error = Assert.Throws<InvalidOperationException>(() => SettingsSectionDescriptor.For<MutableSection>());
        Assert.Contains("Value has a setter", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_badly_named_section_is_refused_at_registration()
    {
        var error = Assert.Throws<InvalidOperationException>(() => SettingsSectionDescriptor.For<BadlyNamedSection>());
        Assert.Contains("'Bad Name'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_types_under_one_name_are_refused_and_an_unregistered_section_is_named()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new SettingsRegistry([SettingsSectionDescriptor.For<BrandingSettings>(), SettingsSectionDescriptor.For<SameNameSection>()]));
        Assert.Contains("'branding' is registered twice", error.Message, StringComparison.Ordinal);

        var missing = Assert.Throws<InvalidOperationException>(() => new SettingsRegistry([]).Get<BrandingSettings>());
        Assert.Contains("services.AddSettingsSection<BrandingSettings>()", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fields_are_the_init_properties_with_secrets_and_portal_fields_marked()
    {
        var branding = SettingsSectionDescriptor.For<BrandingSettings>(BrandingSettings.Validate);

        Assert.Equal(["primaryColor", "accentColor", "logoBlobKey", "logoContentType"], branding.Fields.Select(f => f.Name));
        Assert.Equal(["logoBlobKey", "logoContentType"], branding.Fields.Where(f => f.IsSetByPortal).Select(f => f.Name));
        Assert.True(SettingsSectionDescriptor.For<Portal.Tests.Infrastructure.TestSecretSettings>().FindField("apiKey")!.IsSecret);
    }

    [Fact]
    public void A_change_keeps_the_fields_it_does_not_name_and_defaults_come_from_the_record()
    {
        var branding = SettingsSectionDescriptor.For<BrandingSettings>(BrandingSettings.Validate);
        var basis = new BrandingSettings { AccentColor = "#000000", LogoBlobKey = BrandingLogo.BlobKeyPrefix + "0199", LogoContentType = "image/png" };

        var change = branding.Apply(basis, new JsonObject { ["primaryColor"] = "#ffffff" });

        Assert.True(change.Succeeded, string.Join(" ", change.Problems));
        Assert.Equal(basis with { PrimaryColor = "#ffffff" }, change.Value);
        Assert.Equal(BrandingSettings.DefaultPrimaryColor, ((BrandingSettings)branding.CreateDefaults()).PrimaryColor);
    }

    private sealed class MutableSection : ISettingsSection
    {
        public static string SectionName => "mutable";

        public string? Value { get; set; }
    }

    private sealed record BadlyNamedSection : ISettingsSection
    {
        public static string SectionName => "Bad Name";
    }

    private sealed record SameNameSection : ISettingsSection
    {
        public static string SectionName => "branding";
    }
}
