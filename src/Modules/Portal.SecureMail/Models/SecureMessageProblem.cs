namespace Portal.SecureMail.Models;

/// <summary>Why a draft was not sent, at the field it concerns (<see cref="SecureMessageFields"/>).</summary>
public sealed record SecureMessageProblem(string Field, string Message);

/// <summary>The message as sent, or the problems (nothing was sent then).</summary>
public sealed record SecureMessageSendResult(SecureMessage? Message, IReadOnlyList<SecureMessageProblem> Problems)
{
    public bool Succeeded => Message is not null;

    public static SecureMessageSendResult Refused(string field, string message) => new(null, [new SecureMessageProblem(field, message)]);
}
