using Portal.E2E.Infrastructure;
using Xunit;

namespace Portal.E2E;

/// <summary>
/// What the README's run command shows: once serving, where to go and how to sign in; and that the
/// same program runs a command (./run.sh verify-audit --all) without serving or printing the sign-ins.
/// </summary>
public sealed class DemoStartupTests(DemoAppFixture demo) : IClassFixture<DemoAppFixture>
{
    [Fact]
    public async Task Once_serving_the_demo_prints_its_addresses_and_sign_ins()
    {
        var app = demo.App;

        // Printed when the server has started, which may be just after it first answers.
        var output = await WaitForOutputAsync(app, "Portal is running");

        var banner = output[output.IndexOf("Portal is running", StringComparison.Ordinal)..];
        Assert.Contains($"Host admin:     {app.BaseUrl}/admin", banner, StringComparison.Ordinal);
        Assert.Contains($"sign in as    {AppProcess.OperatorEmail} / {AppProcess.OperatorPassword}", banner, StringComparison.Ordinal);
        Assert.Contains($"Demo practice:  {app.PracticeUrl(DemoPractice.Name)}/   (or {app.PracticePathUrl(DemoPractice.Name)}/)", banner, StringComparison.Ordinal);
        Assert.Contains($"administrator {DemoPractice.AdminEmail}  / {AppProcess.DemoPassword}", banner, StringComparison.Ordinal);
        Assert.Contains($"client        {DemoPractice.ClientEmail} / {AppProcess.DemoPassword}", banner, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_command_runs_against_the_same_data_without_serving()
    {
        var (exitCode, output) = await demo.App.RunCommandAsync("verify-audit", "--all");

        Assert.True(exitCode == 0, $"verify-audit --all exited with {exitCode}:\n{output}");
        Assert.Matches(@"(?m)^demo: \d+ events?, chain intact$", output);
        Assert.DoesNotContain("Portal is running", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Now listening on", output, StringComparison.Ordinal);

        // Nor does it start a Stripe emulator of its own and onboard the demo practice there (which would
        // leave the serving process charging on an account its emulator does not know).
        Assert.DoesNotContain("Stripe emulator", output, StringComparison.Ordinal);

        var (unknown, unknownOutput) = await demo.App.RunCommandAsync("no-such-command");
        Assert.Equal(2, unknown);
        Assert.Contains("Unknown command 'no-such-command'", unknownOutput, StringComparison.Ordinal);
        Assert.Contains("verify-audit", unknownOutput, StringComparison.Ordinal);
    }

    private static async Task<string> WaitForOutputAsync(AppProcess app, string text)
    {
        var limit = TimeSpan.FromMilliseconds(BrowserFixture.TimeoutMilliseconds);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!app.Output.Contains(text, StringComparison.Ordinal))
        {
            if (waited.Elapsed >= limit)
            {
                throw new Xunit.Sdk.XunitException($"The application did not print \"{text}\" within {limit.TotalSeconds} s:\n{app.Output}");
            }

            await Task.Delay(100);
        }

        return app.Output;
    }
}
