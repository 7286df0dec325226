using Portal.SecureMail.Models;

namespace Portal.SecureMail.Services;

/// <summary>The checks of a draft that need nothing but the draft (the issue's "Bad input").</summary>
public static class SecureMessageRules
{
    public const string DefaultCurrency = "CAD";

    public static readonly IReadOnlyList<string> Currencies = ["CAD", "USD"];

    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(30);

    public static readonly TimeSpan MaximumLifetime = TimeSpan.FromDays(365);

    public static bool IsEmail(string value) => Portal.Core.Mail.EmailAddresses.IsDeliverableShape(value, SecureMessage.EmailMaxLength);

    public static IReadOnlyList<SecureMessageProblem> Check(SecureMessageDraft draft, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var problems = new List<SecureMessageProblem>();
        void Add(string field, string message) => problems.Add(new(field, message));

        var email = draft.RecipientEmail.Trim();
        if (email.Length == 0)
        {
            Add(SecureMessageFields.RecipientEmail, "Enter the recipient's e-mail address.");
        }
        else if (!IsEmail(email))
        {
            Add(SecureMessageFields.RecipientEmail, $"'{email}' is not an e-mail address: write it like name@example.com.");
        }

        if (string.IsNullOrWhiteSpace(draft.Subject))
        {
            Add(SecureMessageFields.Subject, "Enter a subject.");
        }
        else if (draft.Subject.Trim().Length > SecureMessage.SubjectMaxLength)
        {
            Add(SecureMessageFields.Subject, $"A subject has at most {SecureMessage.SubjectMaxLength} characters.");
        }

        if (draft.Body.Length > SecureMessage.BodyMaxLength)
        {
            Add(SecureMessageFields.Body, $"A message has at most {SecureMessage.BodyMaxLength:N0} characters.");
        }
        else if (draft.Kind == SecureMessageKind.SecureEmail && string.IsNullOrWhiteSpace(draft.Body) && draft.Files.Count == 0)
        {
            Add(SecureMessageFields.Body, "Write a message or attach a file.");
        }

        CheckPassword(draft, Add);

        if (draft.ExpiresAt <= now)
        {
            Add(SecureMessageFields.ExpiresOn, "The expiry date is in the past: choose a later date.");
        }
        else if (draft.ExpiresAt > now + MaximumLifetime)
        {
            Add(SecureMessageFields.ExpiresOn, $"A secure e-mail can stay open at most {MaximumLifetime.Days} days.");
        }

        if (draft.MaxOpens is < 1 or > SecureMessage.MaxOpensLimit)
        {
            Add(SecureMessageFields.MaxOpens, $"Enter a number of opens from 1 to {SecureMessage.MaxOpensLimit}, or leave it empty for no limit.");
        }

        if (draft.Kind == SecureMessageKind.PaymentRequest)
        {
            CheckPayment(draft, Add);
        }

        return problems;
    }

    private static void CheckPassword(SecureMessageDraft draft, Action<string, string> add)
    {
        var password = draft.Password;
        var hint = draft.Hint.Trim();
        if (password.Length < SecureMessagePasswords.MinimumLength)
        {
            add(SecureMessageFields.Password, $"The password must have at least {SecureMessagePasswords.MinimumLength} characters.");
        }
        else if (password.Length > SecureMessagePasswords.MaximumLength)
        {
            add(SecureMessageFields.Password, $"The password can have at most {SecureMessagePasswords.MaximumLength} characters.");
        }

        if (hint.Length == 0)
        {
            add(SecureMessageFields.Hint, "Enter a hint the recipient can answer (the password is its answer).");
        }
        else if (hint.Length > SecureMessage.HintMaxLength)
        {
            add(SecureMessageFields.Hint, $"A hint has at most {SecureMessage.HintMaxLength} characters.");
        }
        else if (password.Length > 0 && string.Equals(hint, password.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            add(SecureMessageFields.Hint, "The hint is the password itself: give a question or clue whose answer is the password.");
        }
        else if (password.Trim().Length > 0 && hint.Contains(password.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            add(SecureMessageFields.Hint, "The hint contains the password: anyone with the link could read it.");
        }
    }

    private static void CheckPayment(SecureMessageDraft draft, Action<string, string> add)
    {
        if (draft.ClientId is null)
        {
            add(SecureMessageFields.ClientId, "Choose the client the payment is for.");
        }

        if (draft.Currency is null || !Currencies.Contains(draft.Currency))
        {
            add(SecureMessageFields.Currency, $"Choose the currency: {string.Join(" or ", Currencies)}.");
        }

        if (draft.InvoiceNumber is { Length: > SecureMessage.InvoiceNumberMaxLength })
        {
            add(SecureMessageFields.InvoiceNumber, $"An invoice number has at most {SecureMessage.InvoiceNumberMaxLength} characters.");
        }

        if (draft.Amount is null or <= 0)
        {
            add(SecureMessageFields.Amount, "Enter an amount above zero.");
        }
    }
}
