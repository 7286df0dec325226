using System.Globalization;

namespace Portal.E2E.Infrastructure;

/// <summary>
/// Settings of the real servers started by scripts/test-services.sh (written to test.env), and
/// where the application under test was built.
/// </summary>
public static class TestEnvironment
{
    public static string PostgresConnectionString => Require("PORTAL_TEST_POSTGRES");

    public static int SmtpPort => int.Parse(Require("PORTAL_TEST_SMTP_PORT"), CultureInfo.InvariantCulture);

    public static string Maildir => Require("PORTAL_TEST_MAILDIR");

    /// <summary>Debian's Chromium; Playwright cannot download its own browsers here.</summary>
    public static string ChromiumPath => Environment.GetEnvironmentVariable("PORTAL_TEST_CHROMIUM") is { Length: > 0 } path
        ? path
        : "/usr/bin/chromium";

    /// <summary>The folder holding Portal.sln, found by walking up from the test assembly.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>Release when the tests were built in Release (bin/Release/...), otherwise Debug.</summary>
    public static string Configuration { get; } = FindConfiguration();

    /// <summary>The folder of the built application (Portal.Web.dll), in the same configuration as the tests.</summary>
    public static string ApplicationDirectory => Path.Combine(RepositoryRoot, "src", "Portal.Web", "bin", Configuration, "net10.0");

    public static string ScreenshotDirectory => Path.Combine(RepositoryRoot, "artifacts", "screenshots");

    private static string Require(string name)
        => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{name} is not set. Run the suite with ./test.sh (or run scripts/test-services.sh start and "
                + "source /tmp/portal-test/test.env), which starts PostgreSQL, the SMTP server and Chromium and sets it.");

    private static string FindConfiguration()
    {
        // AppContext.BaseDirectory is .../bin/{Configuration}/net10.0/.
        var segments = AppContext.BaseDirectory.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        var bin = Array.LastIndexOf(segments, "bin");
        return bin >= 0 && bin + 1 < segments.Length && segments[bin + 1].Equals("Release", StringComparison.OrdinalIgnoreCase)
            ? "Release"
            : "Debug";
    }

    private static string FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Portal.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"Portal.sln was not found in any parent folder of {AppContext.BaseDirectory}.");
    }
}
