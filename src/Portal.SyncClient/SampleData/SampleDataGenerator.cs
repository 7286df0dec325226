using System.Globalization;
using Bogus;
using Microsoft.Data.Sqlite;
using PortalSync.Data;
using PortalSync.Hosting;

namespace PortalSync.SampleData;

/// <summary>
/// A realistic practice data file for demos, tests and the benchmark: people and businesses with their
/// portal users, staff, invoices with lines and HST, payments, projects with statuses and assignment
/// notes, and documents as real small PDFs in "{name} documents" next to the file. Deterministic by seed.
/// </summary>
internal static class SampleDataGenerator
{
    private static readonly string[] Services = ["Personal tax return", "Corporate tax return", "Bookkeeping", "Payroll", "GST/HST filing", "Financial statements", "Tax planning meeting", "CRA review response"];
    private static readonly string[] Statuses = ["Received", "In progress", "Waiting on you", "Ready for review", "Filed"];
    private static readonly string[] Methods = ["cheque", "cash", "transfer", "other"];
    private static readonly string[] Provinces = ["ON", "QC", "BC", "AB", "MB", "SK", "NS", "NB"];
    private static readonly string[] Slips = ["T4", "T5", "T3", "RRSP receipt", "Donation receipts", "Medical expenses", "Engagement letter", "Notice of assessment"];

    public static string DocumentsFolderName(string dataFile) => Path.GetFileNameWithoutExtension(dataFile) + " documents";

    public static async Task GenerateAsync(string path, SampleDataOptions options, CancellationToken cancellationToken)
    {
        if (options.Contacts < 1)
        {
            throw new FatalException("--contacts must be at least 1.");
        }

        if (options.DocumentKilobytes is < 0 or > 100_000)
        {
            throw new FatalException("--document-kb is from 0 to 100000.");
        }

        var full = Path.GetFullPath(path);
        if (File.Exists(full))
        {
            throw new FatalException($"{full} already exists; choose another name or delete it.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var documentsFolder = Path.Combine(Path.GetDirectoryName(full)!, DocumentsFolderName(full));
        var faker = new Faker("en_CA") { Random = new Randomizer(options.Seed) };
        var year = 2026;

        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = full, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString());
        await connection.OpenAsync(cancellationToken);
        await SqlitePracticeData.CreateSchemaAsync(connection, cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var insert = new TableInserter(connection, transaction);

        // Assignment notes are posted in the portal as messages from their staff member, so a sample meant for
        // a real portal names that practice's staff (--staff); otherwise six made-up ones.
        var staff = new List<(string Id, string Name)>();
        var staffEmails = options.StaffEmails is { Count: > 0 } given ? given : null;
        for (var i = 1; i <= (staffEmails?.Count ?? 6); i++)
        {
            var first = faker.Name.FirstName();
            var last = faker.Name.LastName();
            var id = $"S-{i:D2}";
            staff.Add((id, $"{first} {last}"));
            var email = staffEmails?[i - 1] ?? $"{Ascii(first)}.{Ascii(last)}@practice.example".ToLowerInvariant();
            await insert.RowAsync("staff", [id, $"{first} {last}", email], cancellationToken);
        }

        var contacts = new List<(string Id, string Name)>();
        for (var i = 1; i <= options.Contacts; i++)
        {
            var id = $"C-{i:D5}";
            var business = faker.Random.Bool(0.15f);
            var first = faker.Name.FirstName();
            var last = faker.Name.LastName();
            var name = business ? faker.Company.CompanyName() : $"{first} {last}";
            var email = $"{Ascii(first)}.{Ascii(last)}.{i}@{faker.PickRandom("example.com", "example.org", "example.net")}".ToLowerInvariant();
            contacts.Add((id, name));
            await insert.RowAsync("contacts", [id, business ? "business" : "person", name, email, faker.Phone.PhoneNumber("+1 ### ### ####"),
                $"{faker.Address.StreetAddress()}, {faker.Address.City()}", faker.PickRandom(Provinces)], cancellationToken);
            if (faker.Random.Bool(0.9f))
            {
                await insert.RowAsync("portal_users", [$"{id}-U1", id, $"{first} {last}", email], cancellationToken);
                if (business && faker.Random.Bool(0.5f))
                {
                    var other = faker.Name.FirstName();
                    await insert.RowAsync("portal_users", [$"{id}-U2", id, $"{other} {last}", $"{Ascii(other)}.{Ascii(last)}.{i}@example.com".ToLowerInvariant()], cancellationToken);
                }
            }
        }

        var invoiceTotals = new List<(string Id, string Contact, DateOnly Issued, decimal Total)>();
        for (var i = 1; i <= options.InvoiceCount; i++)
        {
            var id = $"I-{i:D5}";
            var contact = contacts[(i - 1) % contacts.Count].Id;
            var issued = new DateOnly(year, 1, 1).AddDays(faker.Random.Int(0, 300));
            await insert.RowAsync("invoices", [id, contact, $"INV-{1000 + i}", Date(issued), Date(issued.AddDays(30)), "CAD"], cancellationToken);
            decimal subtotal = 0;
            var lines = faker.Random.Int(1, 3);
            for (var line = 1; line <= lines; line++)
            {
                var amount = Math.Round(faker.Random.Decimal(75, 1800), 2);
                subtotal += amount;
                await insert.RowAsync("invoice_lines", [id, line.ToString(CultureInfo.InvariantCulture), $"{faker.PickRandom(Services)} {year - 1}", Money(amount)], cancellationToken);
            }

            var tax = Math.Round(subtotal * 0.13m, 2);
            await insert.RowAsync("invoice_taxes", [id, "HST", Money(tax)], cancellationToken);
            invoiceTotals.Add((id, contact, issued, subtotal + tax));
        }

        for (var i = 1; i <= options.PaymentCount; i++)
        {
            var invoice = invoiceTotals[i - 1];
            var method = faker.PickRandom(Methods);
            await insert.RowAsync("payments", [$"P-{i:D5}", invoice.Contact, invoice.Id, Date(invoice.Issued.AddDays(faker.Random.Int(1, 40))), Money(invoice.Total), method,
                method == "cheque" ? $"Cheque {faker.Random.Int(100, 9999)}" : null], cancellationToken);
        }

        for (var i = 1; i <= options.ProjectCount; i++)
        {
            var id = $"J-{i:D5}";
            var contact = contacts[(i - 1) % contacts.Count].Id;
            var slip = faker.PickRandom(Slips);
            await insert.RowAsync("projects", [id, contact, $"{year - 1} {faker.PickRandom(Services).ToLowerInvariant()}", faker.PickRandom(Statuses),
                Date(new DateOnly(year + 1, 4, 30).AddDays(-faker.Random.Int(0, 60))), faker.Random.Bool(0.4f) ? $"Waiting for your {slip}." : null], cancellationToken);
            var member = faker.PickRandom(staff);
            await insert.RowAsync("assignments", [id, member.Id, $"Please review the {slip} and the prior year's return."], cancellationToken);
        }

        for (var i = 1; i <= options.DocumentCount; i++)
        {
            var id = $"D-{i:D5}";
            var contact = contacts[(i - 1) % contacts.Count];
            var slip = faker.PickRandom(Slips);
            var fileName = $"{year - 1} {slip}.pdf";
            var relative = Path.Combine(DocumentsFolderName(full), contact.Id, $"{id} {fileName}");
            var file = Path.Combine(documentsFolder, contact.Id, $"{id} {fileName}");
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            var lines = new List<string> { $"{slip} - {contact.Name}", $"Document {id}", "" };
            lines.AddRange(faker.Lorem.Sentences(faker.Random.Int(3, 12), "\n").Split('\n'));
            await File.WriteAllBytesAsync(file, MinimalPdf.Create(lines, options.DocumentKilobytes > 0 ? faker.Random.Bytes(options.DocumentKilobytes * 1024) : null), cancellationToken);
            await insert.RowAsync("documents", [id, contact.Id, $"{year - 1}/{slip}", fileName, relative.Replace('\\', '/')], cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Money(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Ascii(string name) => new([.. name.Normalize(System.Text.NormalizationForm.FormD).Where(char.IsAsciiLetterOrDigit)]);

    private sealed class TableInserter(SqliteConnection connection, SqliteTransaction transaction)
    {
        private readonly Dictionary<string, SqliteCommand> _commands = [];

        public async Task RowAsync(string table, string?[] values, CancellationToken cancellationToken)
        {
            if (!_commands.TryGetValue(table, out var command))
            {
                var columns = PracticeSchema.Tables[table];
                command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})";
                for (var i = 0; i < columns.Length; i++)
                {
                    command.Parameters.Add(new SqliteParameter("$p" + i, SqliteType.Text));
                }

                _commands[table] = command;
            }

            for (var i = 0; i < values.Length; i++)
            {
                command.Parameters[i].Value = (object?)values[i] ?? DBNull.Value;
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
