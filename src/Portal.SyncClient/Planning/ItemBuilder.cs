using System.Text.Json.Nodes;
using PortalSync.Data;

namespace PortalSync.Planning;

/// <summary>Builds one kind's item bodies (docs/api.md shapes) and collects what is wrong with a row.</summary>
internal sealed class ItemBuilder(string kind, string externalId)
{
    private readonly List<RowError> _errors = [];

    public IReadOnlyList<RowError> Errors => _errors;

    public void Fail(string? field, string code, string message) => _errors.Add(new RowError(kind, externalId, field, code, message));

    public string? Amount(string field, string? text)
    {
        var amount = ItemRules.Amount(text);
        if (amount is null)
        {
            Fail(field, "amount-invalid", text is null ? "The amount is missing." : $"\"{text}\" is not an amount (digits, at most 2 decimals, not negative).");
        }

        return amount;
    }

    public string? Date(string field, string? text, bool required)
    {
        if (text is null)
        {
            if (required)
            {
                Fail(field, "date-required", "The date is missing.");
            }

            return null;
        }

        if (!ItemRules.IsDate(text))
        {
            Fail(field, "date-invalid", $"\"{text}\" is not a date (yyyy-MM-dd).");
            return null;
        }

        return text;
    }

    public string? Required(string field, string? text, string what)
    {
        if (text is null)
        {
            Fail(field, $"{field}-required", $"The {what} is missing.");
        }

        return text;
    }

    public string? Reference(string field, string? text, string code, string what)
    {
        if (text is null)
        {
            Fail(field, code, $"No {what} is given.");
        }

        return text;
    }

    public static JsonObject Body(string externalId, params (string Name, JsonNode? Value)[] fields)
    {
        var body = new JsonObject { ["externalId"] = externalId };
        foreach (var (name, value) in fields)
        {
            if (value is not null)
            {
                body[name] = value;
            }
        }

        return body;
    }

    public static JsonArray Array(IEnumerable<JsonNode> nodes) => [.. nodes];

    public static JsonObject FromContact(Contact contact, ItemBuilder rules)
    {
        var name = rules.Required("name", contact.Name, "name");
        var kind = contact.Kind?.ToLowerInvariant() ?? "person";
        if (kind is not ("person" or "business"))
        {
            rules.Fail("kind", "kind-invalid", $"\"{contact.Kind}\" is not person or business.");
        }

        if (contact.Email is not null && !ItemRules.IsEmail(contact.Email))
        {
            rules.Fail("email", "email-invalid", $"\"{contact.Email}\" is not an e-mail address.");
        }

        var users = new List<JsonNode>();
        for (var i = 0; i < contact.PortalUsers.Count; i++)
        {
            var user = contact.PortalUsers[i];
            if (user.Email is null)
            {
                rules.Fail($"portalUsers[{i}].email", "email-required", $"The portal user {user.ExternalId} has no e-mail address.");
            }
            else if (!ItemRules.IsEmail(user.Email))
            {
                rules.Fail($"portalUsers[{i}].email", "email-invalid", $"\"{user.Email}\" is not an e-mail address.");
            }

            users.Add(Body(user.ExternalId, ("email", user.Email), ("name", user.Name ?? name)));
        }

        return Body(contact.ExternalId, ("kind", kind), ("name", name), ("email", contact.Email), ("phone", contact.Phone), ("address", contact.Address), ("province", contact.Province), ("portalUsers", Array(users)));
    }

    public static JsonObject FromInvoice(Invoice invoice, ItemBuilder rules)
    {
        rules.Reference("clientExternalId", invoice.ContactExternalId, "client-required", "contact");
        var lines = invoice.Lines.Select((l, i) => (JsonNode)new JsonObject { ["description"] = l.Description ?? "", ["amount"] = rules.Amount($"lines[{i}].amount", l.Amount) }).ToList();
        if (lines.Count == 0)
        {
            rules.Fail("lines", "lines-required", "The invoice has no lines.");
        }

        var taxes = invoice.Taxes.Select((t, i) => (JsonNode)new JsonObject { ["kind"] = t.Kind ?? "Tax", ["amount"] = rules.Amount($"taxes[{i}].amount", t.Amount) }).ToList();
        return Body(invoice.ExternalId, ("clientExternalId", invoice.ContactExternalId), ("number", rules.Required("number", invoice.Number, "invoice number")),
            ("issueDate", rules.Date("issueDate", invoice.IssueDate, required: true)), ("dueDate", rules.Date("dueDate", invoice.DueDate, required: false)),
            ("currency", invoice.Currency?.ToUpperInvariant()), ("lines", Array(lines)), ("taxes", Array(taxes)));
    }

    public static JsonObject FromPayment(Payment payment, ItemBuilder rules)
    {
        rules.Reference("clientExternalId", payment.ContactExternalId, "client-required", "contact");
        var method = payment.Method?.ToLowerInvariant() switch
        {
            null => "other",
            "cheque" or "check" => "cheque",
            "cash" => "cash",
            "transfer" or "eft" or "e-transfer" or "wire" => "transfer",
            _ => "other",
        };
        return Body(payment.ExternalId, ("clientExternalId", payment.ContactExternalId), ("invoiceExternalId", payment.InvoiceExternalId),
            ("receivedOn", rules.Date("receivedOn", payment.ReceivedOn, required: true)), ("amount", rules.Amount("amount", payment.Amount)),
            ("method", method), ("reference", payment.Reference));
    }

    public static JsonObject FromProject(Project project, IEnumerable<Assignment> assignments, IReadOnlyDictionary<string, StaffMember> staff, ItemBuilder rules)
    {
        rules.Reference("clientExternalId", project.ContactExternalId, "client-required", "contact");
        var notes = new List<JsonNode>();
        foreach (var (assignment, i) in assignments.Select((a, i) => (a, i)))
        {
            if (assignment.StaffExternalId is null || !staff.TryGetValue(assignment.StaffExternalId, out var member) || member.Email is null)
            {
                rules.Fail($"assignments[{i}].staffEmail", "staff-not-found", $"The staff member \"{assignment.StaffExternalId}\" is not in the staff table or has no e-mail.");
                continue;
            }

            notes.Add(new JsonObject { ["staffEmail"] = member.Email, ["note"] = assignment.Note });
        }

        return Body(project.ExternalId, ("clientExternalId", project.ContactExternalId), ("name", rules.Required("name", project.Name, "project name")),
            ("status", rules.Required("status", project.Status, "status")), ("expectedOn", rules.Date("expectedOn", project.ExpectedOn, required: false)),
            ("note", project.Note), ("assignments", Array(notes)));
    }
}
