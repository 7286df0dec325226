namespace Portal.Core.Mail;

/// <summary>
/// Why a template cannot be used, and where: the line and column (1-based) of a syntax error, when
/// the parser gives one. Shown to the administrator who typed it, so it reads as a sentence.
/// </summary>
public sealed record MailTemplateProblem(string Message, int? Line = null, int? Column = null)
{
    public override string ToString()
        => Line is { } line && Column is { } column ? $"Line {line}, column {column}: {Message}" : Message;
}
