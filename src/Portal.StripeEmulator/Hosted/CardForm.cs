using System.Globalization;

namespace Portal.StripeEmulator.Hosted;

/// <summary>The hosted checkout form as posted, with the first problem per field.</summary>
internal sealed class CardForm
{
    public string Method { get; private init; } = "card";

    public string Number { get; private init; } = string.Empty;

    public string Expiry { get; private init; } = string.Empty;

    public string Cvc { get; private init; } = string.Empty;

    public string Name { get; private init; } = string.Empty;

    public string Email { get; private init; } = string.Empty;

    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public string Digits => new([.. Number.Where(char.IsAsciiDigit)]);

    public static CardForm Read(IFormCollection form, DateTimeOffset now)
    {
        var card = new CardForm
        {
            Method = form["method"].ToString() == "bank" ? "bank" : "card",
            Number = form["number"].ToString().Trim(),
            Expiry = form["expiry"].ToString().Trim(),
            Cvc = form["cvc"].ToString().Trim(),
            Name = form["name"].ToString().Trim(),
            Email = form["email"].ToString().Trim(),
        };
        card.Check(now);
        return card;
    }

    private void Check(DateTimeOffset now)
    {
        if (Name.Length == 0)
        {
            Errors["name"] = "Enter the name on the card or account.";
        }

        if (Email.Length > 0 && !Email.Contains('@', StringComparison.Ordinal))
        {
            Errors["email"] = "Enter a valid e-mail address.";
        }

        if (Method != "card")
        {
            return;
        }

        var digits = Digits;
        if (digits.Length is < 12 or > 19 || Number.Any(c => !char.IsAsciiDigit(c) && c != ' ' && c != '-') || !PassesLuhn(digits))
        {
            Errors["number"] = "Your card number is incorrect.";
        }

        if (!TryExpiry(Expiry, out var month, out var year))
        {
            Errors["expiry"] = "Enter the expiry date as MM / YY.";
        }
        else if (year < now.Year || (year == now.Year && month < now.Month))
        {
            Errors["expiry"] = "Your card's expiration date is in the past.";
        }

        if (Cvc.Length is < 3 or > 4 || !Cvc.All(char.IsAsciiDigit))
        {
            Errors["cvc"] = "Your card's security code is incomplete.";
        }
    }

    private static bool TryExpiry(string text, out int month, out int year)
    {
        year = 0;
        var parts = text.Split('/', StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out month) || month is < 1 or > 12
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out year) || parts[1].Length is not (2 or 4))
        {
            month = 0;
            return false;
        }

        year = parts[1].Length == 2 ? 2000 + year : year;
        return true;
    }

    private static bool PassesLuhn(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var digit = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1)
            {
                digit *= 2;
                digit = digit > 9 ? digit - 9 : digit;
            }

            sum += digit;
        }

        return sum % 10 == 0;
    }
}
