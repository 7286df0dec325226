using Portal.Tests.Infrastructure;

namespace Portal.Tests.Core.Mail;

/// <summary>Apps that send through the test services' SMTP server and let practices use their own (the second one), with a short check timeout.</summary>
public sealed class PracticeSmtpApps : ClassApps
{
    public const int TimeoutSeconds = 2;

    protected override void Configure(PortalApplicationOptions options)
        => options.UseSmtpServer()
            .Set("Portal:Mail:AllowPracticeSmtp", "true")
            .Set("Portal:Mail:PracticeSmtpTimeoutSeconds", TimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
