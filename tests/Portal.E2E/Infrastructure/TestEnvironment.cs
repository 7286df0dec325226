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

    /// <summary>
    /// How much longer than on a quiet machine waits may take: PORTAL_E2E_TIMEOUT_SCALE when set,
    /// otherwise the 1-minute load average per core when the run starts (at least 1, at most 4), so a
    /// machine busy with other builds gives the browser and the application more time.
    /// </summary>
    public static double TimeoutScale { get; } = FindTimeoutScale();

    /// <summary>
    /// The most an application may take to become ready (PORTAL_E2E_START_TIMEOUT, seconds; default
    /// 5 minutes), counted from its launch; waiting for a free start slot is not counted.
    /// </summary>
    public static TimeSpan StartTimeout { get; } = Seconds("PORTAL_E2E_START_TIMEOUT", 300);

    /// <summary>
    /// How long an application that is not ready yet may go without writing to its log before it is
    /// taken as stuck (PORTAL_E2E_STALL_TIMEOUT, seconds; default 2 minutes).
    /// </summary>
    public static TimeSpan StallTimeout { get; } = Seconds("PORTAL_E2E_STALL_TIMEOUT", 120);

    /// <summary>How many applications may be starting at the same time (PORTAL_E2E_PARALLEL_STARTS; default 1).</summary>
    public static int ParallelStarts { get; } =
        int.TryParse(Environment.GetEnvironmentVariable("PORTAL_E2E_PARALLEL_STARTS"), NumberStyles.None, CultureInfo.InvariantCulture, out var starts) && starts > 0
            ? starts
            : 1;

    private static string Require(string name)
        => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{name} is not set. Run the suite with ./test.sh (or run scripts/test-services.sh start and "
                + "source /tmp/portal-test/test.env), which starts PostgreSQL, the SMTP server and Chromium and sets it.");

    private static TimeSpan Seconds(string name, int fallback)
        => TimeSpan.FromSeconds(
            int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
                ? seconds
                : fallback);

    private static double FindTimeoutScale()
    {
        if (double.TryParse(Environment.GetEnvironmentVariable("PORTAL_E2E_TIMEOUT_SCALE"), NumberStyles.Float, CultureInfo.InvariantCulture, out var scale) && scale > 0)
        {
            return scale;
        }

        try
        {
            var load = double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture);
            return Math.Clamp(load / Environment.ProcessorCount, 1, 4);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
            return 1; // no /proc: not Linux; the quiet-machine timeouts apply
        }
    }

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
