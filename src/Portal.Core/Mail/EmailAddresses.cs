using System.Net.Mail;

namespace Portal.Core.Mail;

/// <summary>
/// The shape an address typed into a form must have: what MailAddress reads back unchanged, with a local
/// part and a dotted domain ("jo@example" is refused: mail to it would only bounce), within a column's length.
/// </summary>
public static class EmailAddresses
{
    public static bool IsDeliverableShape(string value, int maxLength)
        => value.Length <= maxLength
            && MailAddress.TryCreate(value, out var parsed)
            && parsed.Address == value
            && value.IndexOf('@', StringComparison.Ordinal) is var at && at > 0 && value.IndexOf('.', at) > at + 1;
}
