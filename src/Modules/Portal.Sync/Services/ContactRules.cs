using Portal.Clients.Models;
using Portal.Clients.Services;
using Portal.Core.Contracts;
using Portal.Sync.Api;

namespace Portal.Sync.Services;

/// <summary>
/// A contact item's checks, with the API's field names and codes, and its translation to the Clients
/// module's input (whose own rules run again when it is saved).
/// </summary>
internal static class ContactRules
{
    public const string Person = "person";
    public const string Business = "business";

    /// <summary>The item as a client's input, or every problem with it; people's external ids are claimed in <paramref name="seenPeople"/> (first item wins).</summary>
    public static (ClientInput? Input, List<SyncFieldError> Errors) Check(ContactItem item, string externalId, HashSet<string> seenPeople)
    {
        var errors = new List<SyncFieldError>();
        var kind = ClientKind.Individual;
        if (string.Equals(item.Kind?.Trim(), Business, StringComparison.OrdinalIgnoreCase))
        {
            kind = ClientKind.Business;
        }
        else if (!string.IsNullOrWhiteSpace(item.Kind) && !string.Equals(item.Kind.Trim(), Person, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(new("kind", SyncItemErrors.ContactKindInvalid, $"\"{item.Kind}\" is not a kind of contact: use \"person\" or \"business\"."));
        }

        var name = item.Name?.Trim() ?? "";
        if (name.Length == 0)
        {
            errors.Add(new("name", SyncItemErrors.ContactNameRequired, "A contact needs a name."));
        }

        TooLong(errors, "name", name, Client.NameMaxLength);
        TooLong(errors, "phone", item.Phone?.Trim(), Client.PhoneMaxLength);
        TooLong(errors, "address", item.Address?.Trim(), Client.AddressMaxLength);
        var email = string.IsNullOrWhiteSpace(item.Email) ? null : item.Email.Trim();
        if (email is not null && !ClientRules.IsEmail(email))
        {
            errors.Add(InvalidEmail("email", email));
        }

        var province = item.Province?.Trim().ToUpperInvariant();
        if (province is { Length: > 0 } && !CanadianProvinces.IsCode(province))
        {
            errors.Add(new("province", SyncItemErrors.ContactProvinceInvalid, $"\"{item.Province}\" is not a Canadian province or territory code (ON, QC, BC, ...)."));
        }

        var people = item.PortalUsers ?? [];
        var claimed = new List<string>();
        for (var j = 0; j < people.Count; j++)
        {
            CheckPerson(people[j], $"portalUsers[{j}]", errors, seenPeople, claimed);
        }

        if (errors.Count > 0)
        {
            // A refused item claims none of its people: a later item may carry them.
            seenPeople.ExceptWith(claimed);
            return (null, errors);
        }

        var input = ClientRules.Clean(new ClientInput(kind, name, email is null ? [] : [email], item.Phone, item.Address, externalId, null) { Province = province });
        return (input, errors);
    }

    /// <summary>Whether the stored client already says what the input says (then nothing is written).</summary>
    public static bool Matches(Client client, ClientInput input)
        => client.Kind == input.Kind
            && client.Name == input.Name
            && client.Emails.OrderBy(e => e.Position).Select(e => e.Email).SequenceEqual(input.Emails, StringComparer.Ordinal)
            && client.Phone == input.Phone
            && client.Address == input.Address
            && (input.Province is null || client.Province == (input.Province.Length == 0 ? null : input.Province));

    /// <summary>A refusal of the Clients module (checked again there), in the API's terms.</summary>
    public static SyncFieldError FromClientError(FieldError error) => error.Field switch
    {
        "Name" => new("name", SyncItemErrors.ContactNameRequired, error.Message),
        "Email" => new("email", SyncItemErrors.EmailInvalid, error.Message),
        "Province" => new("province", SyncItemErrors.ContactProvinceInvalid, error.Message),
        "ExternalId" => new("externalId", SyncItemErrors.DuplicateExternalId, error.Message),
        "" => new("externalId", SyncItemErrors.ClientNotFound, error.Message),
        _ => new(char.ToLowerInvariant(error.Field[0]) + error.Field[1..], SyncItemErrors.ContactFieldTooLong, error.Message),
    };

    private static void CheckPerson(ContactPortalUser? person, string prefix, List<SyncFieldError> errors, HashSet<string> seenPeople, List<string> claimed)
    {
        var idError = person is null ? SyncItemErrors.ExternalIdMissing(prefix + ".externalId") : SyncItemErrors.CheckExternalId(person.ExternalId, prefix + ".externalId");
        if (person is null || idError is not null)
        {
            errors.Add(idError!);
            return;
        }

        var personId = person.ExternalId!.Trim();
        if (seenPeople.Add(personId))
        {
            claimed.Add(personId);
        }
        else
        {
            errors.Add(SyncItemErrors.Duplicate(personId, prefix + ".externalId"));
        }

        var email = person.Email?.Trim() ?? "";
        if (email.Length == 0)
        {
            errors.Add(new(prefix + ".email", SyncItemErrors.EmailRequired, "A portal user needs the e-mail address they sign in with."));
        }
        else if (!ClientRules.IsEmail(email))
        {
            errors.Add(InvalidEmail(prefix + ".email", email));
        }

        TooLong(errors, prefix + ".name", person.Name?.Trim(), PortalMemberships.DisplayNameMaxLength);
    }

    private static SyncFieldError InvalidEmail(string field, string email)
        => new(field, SyncItemErrors.EmailInvalid, $"\"{email}\" is not an e-mail address.");

    private static void TooLong(List<SyncFieldError> errors, string field, string? value, int max)
    {
        if (value?.Length > max)
        {
            errors.Add(new(field, SyncItemErrors.ContactFieldTooLong, $"{field} has at most {max} characters."));
        }
    }
}
