namespace Portal.Core.Mail;

/// <summary>A template that does not parse or fails while rendering; the message is written for an administrator.</summary>
public sealed class MailTemplateException(MailTemplateProblem problem, Exception? inner = null) : Exception(problem.ToString(), inner)
{
    public MailTemplateProblem Problem { get; } = problem;
}
