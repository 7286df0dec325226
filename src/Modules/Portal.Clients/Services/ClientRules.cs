using Portal.Clients.Models;
using Portal.Core.Contracts;

namespace Portal.Clients.Services;

/// <summary>
/// The rules a client's details must meet, shared by the admin form, the CSV import and recipes so
/// all three accept and refuse the same things with the same words.
/// </summary>
public static class ClientRules
{
    private static readonly char[] EmailSeparators = [';', ',', '\n', '\r', ' ', '\t'];

    /// <summary>Several addresses in one text: separated by ';' (the CSV convention), ',' or line breaks.</summary>
    public static IReadOnlyList<string> SplitEmails(string? text)
        => string.IsNullOrWhiteSpace(text)
            ? []
            : text.Split(EmailSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .ToList();

    public static bool TryParseKind(string? text, out ClientKind kind)
    {
        kind = ClientKind.Individual;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        // Enum.TryParse would also accept numbers ("1"), which no one means in a spreadsheet.
        foreach (var value in Enum.GetValues<ClientKind>())
        {
            if (string.Equals(text.Trim(), value.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                kind = value;
                return true;
            }
        }

        return false;
    }

    public static bool IsEmail(string value) => Portal.Core.Mail.EmailAddresses.IsDeliverableShape(value, Client.EmailMaxLength);

    /// <summary>The input with blanks turned into nulls and whitespace trimmed.</summary>
    public static ClientInput Clean(ClientInput input) => input with
    {
        Name = input.Name.Trim(),
        Emails = input.Emails.Select(e => e.Trim()).Where(e => e.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
        Phone = Blank(input.Phone),
        Address = Blank(input.Address),
        Province = input.Province is null ? null : input.Province.Trim().ToUpperInvariant(),
        ExternalId = Blank(input.ExternalId),
        Notes = Blank(input.Notes),
    };

    public static IEnumerable<FieldError> Validate(ClientInput input)
    {
        if (string.IsNullOrWhiteSpace(input.Name))
        {
            yield return new("Name", "Enter the client's name.");
        }
        else if (input.Name.Length > Client.NameMaxLength)
        {
            yield return new("Name", $"Use at most {Client.NameMaxLength} characters.");
        }

        foreach (var email in input.Emails)
        {
            if (!IsEmail(email))
            {
                yield return new("Email", $"'{email}' is not an e-mail address.");
            }
        }

        if (input.Phone?.Length > Client.PhoneMaxLength)
        {
            yield return new("Phone", $"Use at most {Client.PhoneMaxLength} characters.");
        }

        if (input.Address?.Length > Client.AddressMaxLength)
        {
            yield return new("Address", $"Use at most {Client.AddressMaxLength} characters.");
        }

        if (input.Province is { Length: > 0 } province && !CanadianProvinces.IsCode(province))
        {
            yield return new("Province", "Choose a province or territory from the list.");
        }

        if (input.ExternalId?.Length > Client.ExternalIdMaxLength)
        {
            yield return new("ExternalId", $"Use at most {Client.ExternalIdMaxLength} characters.");
        }

        if (input.Notes?.Length > Client.NotesMaxLength)
        {
            yield return new("Notes", $"Use at most {Client.NotesMaxLength} characters.");
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
