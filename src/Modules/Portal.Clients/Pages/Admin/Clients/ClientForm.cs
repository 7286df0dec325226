using Portal.Clients.Models;
using Portal.Clients.Services;

namespace Portal.Clients.Pages.Admin.Clients;

/// <summary>The fields of the new-client and edit-client forms (checked by <see cref="ClientRules"/>, not by attributes).</summary>
public sealed class ClientForm
{
    public ClientKind Kind { get; set; } = ClientKind.Individual;

    public string? Name { get; set; }

    /// <summary>One or more addresses separated by ';'.</summary>
    public string? Emails { get; set; }

    public string? Phone { get; set; }

    public string? Address { get; set; }

    /// <summary>Two-letter code; empty: not given.</summary>
    public string? Province { get; set; }

    public string? ExternalId { get; set; }

    public string? Notes { get; set; }

    public static ClientForm From(Client client) => new()
    {
        Kind = client.Kind,
        Name = client.Name,
        Emails = string.Join("; ", client.Emails.OrderBy(e => e.Position).Select(e => e.Email)),
        Phone = client.Phone,
        Address = client.Address,
        Province = client.Province,
        ExternalId = client.ExternalId,
        Notes = client.Notes,
    };

    public ClientInput ToInput() => new(Kind, Name ?? "", ClientRules.SplitEmails(Emails), Phone, Address, ExternalId, Notes) { Province = Province ?? "" };

    /// <summary>The form field a rule's problem belongs to.</summary>
    public static string FieldFor(string field) => field switch
    {
        "Email" => nameof(Emails),
        "" => "",
        _ => field,
    };
}
