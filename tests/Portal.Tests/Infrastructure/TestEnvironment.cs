namespace Portal.Tests.Infrastructure;

/// <summary>Settings of the real servers started by scripts/test-services.sh (see test.env).</summary>
public static class TestEnvironment
{
    public static string PostgresConnectionString => Require("PORTAL_TEST_POSTGRES");

    public static int SmtpPort => int.Parse(Require("PORTAL_TEST_SMTP_PORT"), System.Globalization.CultureInfo.InvariantCulture);

    public static string Maildir => Require("PORTAL_TEST_MAILDIR");

    /// <summary>A second SMTP server (aiosmtpd, its own Maildir): a practice's own mail server.</summary>
    public static int Smtp2Port => int.Parse(Require("PORTAL_TEST_SMTP2_PORT"), System.Globalization.CultureInfo.InvariantCulture);

    public static string Maildir2 => Require("PORTAL_TEST_MAILDIR2");

    public static string S3Url => Require("PORTAL_TEST_S3_URL");

    /// <summary>clamd on 127.0.0.1, loaded with a signature for the EICAR test file only.</summary>
    public static int ClamdPort => int.Parse(Require("PORTAL_TEST_CLAMD_PORT"), System.Globalization.CultureInfo.InvariantCulture);

    private static string Require(string name)
        => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{name} is not set. Run the suite with ./test.sh, which starts PostgreSQL, the SMTP server, s3rver and clamd and sets it.");
}
