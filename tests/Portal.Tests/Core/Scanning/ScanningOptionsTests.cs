using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Portal.Core.Data;
using Portal.Core.Scanning;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Core.Scanning;

public sealed class ScanningOptionsTests
{
    [Theory]
    [InlineData("Production", ScanningMode.Clamd)]
    [InlineData("Staging", ScanningMode.Clamd)]
    [InlineData("Demo", ScanningMode.Off)]
    [InlineData("Development", ScanningMode.Off)]
    [InlineData("Testing", ScanningMode.Off)]
    public void Without_a_mode_only_environments_without_a_scanner_turn_scanning_off(string environment, ScanningMode expected)
    {
        var options = new ScanningOptions();
        new ScanningModeDefault(new HostingEnvironment { EnvironmentName = environment }).PostConfigure(null, options);
        Assert.Equal(expected, options.Mode);
    }

    [Fact]
    public void A_configured_mode_wins_over_the_default()
    {
        var options = new ScanningOptions { Mode = ScanningMode.Off };
        new ScanningModeDefault(new HostingEnvironment { EnvironmentName = Environments.Production }).PostConfigure(null, options);
        Assert.Equal(ScanningMode.Off, options.Mode);
    }

    [Theory]
    [InlineData("", 3310, "00:01:00", 1024, "Portal:Scanning:Host is required")]
    [InlineData("clamd.internal", 0, "00:01:00", 1024, "Portal:Scanning:Port must be between 1 and 65535")]
    [InlineData("clamd.internal", 70000, "00:01:00", 1024, "Portal:Scanning:Port must be between 1 and 65535")]
    [InlineData("clamd.internal", 3310, "00:00:00", 1024, "Portal:Scanning:Timeout must be longer than zero")]
    [InlineData("clamd.internal", 3310, "00:01:00", 0, "Portal:Scanning:MaxFileSize must be at least 1 byte")]
    public void Clamd_settings_are_checked(string host, int port, string timeout, long maxFileSize, string message)
    {
        var result = new ScanningOptionsValidator().Validate(null, new ScanningOptions
        {
            Mode = ScanningMode.Clamd,
            Host = host,
            Port = port,
            Timeout = TimeSpan.Parse(timeout, System.Globalization.CultureInfo.InvariantCulture),
            MaxFileSize = maxFileSize,
        });

        Assert.True(result.Failed);
        Assert.Contains(message, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void With_scanning_off_the_clamd_settings_are_not_needed()
        => Assert.True(new ScanningOptionsValidator().Validate(null, new ScanningOptions { Mode = ScanningMode.Off, Port = 0 }).Succeeded);

    [Fact]
    public async Task A_bad_clamd_port_stops_the_start_with_the_setting_named()
    {
        await using var data = await TestData.CreateAsync(DatabaseProvider.Sqlite);

        var error = Assert.ThrowsAny<Exception>(() => PortalApplication.StartOn(data, o => o.Set("Portal:Scanning:Mode", "Clamd").Set("Portal:Scanning:Port", "0")));

        Assert.Contains("Portal:Scanning:Port must be between 1 and 65535", error.ToString(), StringComparison.Ordinal);
    }
}
