using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Portal.Billing.Data;
using Portal.Billing.Models;

// Fills a practice's Billing tables with N invoices and one payment for each, dated in YEAR, for
// bench/reports/portal.sh (see bench/README.md):
//   dotnet .../Portal.Bench.Reports.Seed.dll sqlite   <practice portal.db>        [rows=100000] [year=2025]
//   dotnet .../Portal.Bench.Reports.Seed.dll postgres <connection string> <schema> [rows=100000] [year=2025]
//
// Rows go through Billing's own EF Core model (BillingDbContext: its tables, column types and value
// conversions), built the way PaymentLedger builds them: RecordOfflineAsync for cheques, e-transfers
// and cash (succeeded, a reference, recorded by a staff member, allocated to their invoice) and
// RecordOnlineAsync for card payments (a pass-through fee, Stripe's ids, no recorder; pending ones
// keep their allocation, failed ones too). Each payment pays one invoice of one line, as InvoiceBook
// writes it (paid when the payment succeeded, open otherwise). Audit entries, events and receipts,
// which the services also write, are left out: the reports do not read them.
var culture = CultureInfo.InvariantCulture;
if (args.Length < 2 || args[0] is not ("sqlite" or "postgres") || (args[0] == "postgres" && args.Length < 3))
{
    Console.Error.WriteLine("usage: seed sqlite <portal.db> [rows] [year] | seed postgres <connection string> <schema> [rows] [year]");
    return 2;
}

var postgres = args[0] == "postgres";
var rest = args.Skip(postgres ? 3 : 2).ToArray();
var count = rest.Length > 0 ? int.Parse(rest[0], culture) : 100_000;
var year = rest.Length > 1 ? int.Parse(rest[1], culture) : 2025;

var options = new DbContextOptionsBuilder<BillingDbContext>();
if (postgres)
{
    options.UseNpgsql(new NpgsqlConnectionStringBuilder(args[1]) { SearchPath = args[2] }.ToString());
}
else
{
    options.UseSqlite($"Data Source={args[1]};Foreign Keys=True;Default Timeout=60");
}

var watch = Stopwatch.StartNew();
await using var db = new BillingDbContext(options.Options);
db.ChangeTracker.AutoDetectChangesEnabled = false;

var clients = await db.Database.SqlQueryRaw<Guid>("SELECT \"Id\" AS \"Value\" FROM \"Clients\" ORDER BY \"Name\"").ToListAsync();
var staff = await db.Database
    .SqlQueryRaw<Guid>("SELECT \"Id\" AS \"Value\" FROM \"AspNetUsers\" WHERE \"NormalizedEmail\" IN ('ADMIN@DEMO.EXAMPLE', 'STAFF@DEMO.EXAMPLE') ORDER BY \"NormalizedEmail\"")
    .ToListAsync();
if (clients.Count == 0 || staff.Count == 0)
{
    Console.Error.WriteLine("no clients or no demo staff in this practice: seed the demo practice first");
    return 1;
}

var first = new DateOnly(year, 1, 1);
var last = new DateOnly(year, 12, 31);
if (await db.Payments.AnyAsync(p => p.ReceivedOn >= first && p.ReceivedOn <= last))
{
    Console.Error.WriteLine($"the practice already has payments in {year}: seed a fresh practice");
    return 1;
}

var random = new Random(12);
var days = last.DayNumber - first.DayNumber + 1;
const int Batch = 2_000;
for (var start = 0; start < count; start += Batch)
{
    await using var transaction = await db.Database.BeginTransactionAsync();
    for (var i = start; i < Math.Min(count, start + Batch); i++)
    {
        Add(db, i);
    }

    await db.SaveChangesAsync();
    await transaction.CommitAsync();
    db.ChangeTracker.Clear();
}

var written = await db.Payments.CountAsync(p => p.ReceivedOn >= first && p.ReceivedOn <= last);
Console.WriteLine($"seeded {written} payments (and as many invoices) in {year} in {watch.Elapsed.TotalSeconds.ToString("F1", culture)} s");
return written == count ? 0 : 1;

void Add(BillingDbContext context, int i)
{
    var receivedOn = first.AddDays(random.Next(days));
    var recordedAt = receivedOn.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc).AddSeconds(random.Next(10 * 3600));
    var issued = receivedOn.AddDays(-random.Next(5, 40));
    var clientId = clients[random.Next(clients.Count)];
    var net = 5_000 + (random.Next(400) * 250L);
    var online = random.Next(100) < 60;
    var status = !online ? PaymentStatus.Succeeded : random.Next(100) switch
    {
        < 90 => PaymentStatus.Succeeded,
        < 95 => PaymentStatus.Pending,
        _ => PaymentStatus.Failed,
    };
    var fee = online ? (net * 29 / 1000) + 30 : 0;
    var paid = status == PaymentStatus.Succeeded;
    var number = $"B{year % 100:D2}-{i + 1:D6}";

    var invoice = new Invoice
    {
        Id = Guid.CreateVersion7(new DateTimeOffset(issued.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc))),
        ClientId = clientId,
        Number = number,
        NormalizedNumber = number.ToUpperInvariant(),
        IssueDate = issued,
        DueDate = issued.AddDays(30),
        Currency = "CAD",
        SubtotalAmount = net,
        TaxAmount = 0,
        TotalAmount = net,
        PaidAmount = paid ? net : 0,
        Status = paid ? InvoiceStatus.Paid : InvoiceStatus.Open,
        CreatedAt = issued.ToDateTime(new TimeOnly(8, 0), DateTimeKind.Utc),
        CreatedBy = staff[i % staff.Count],
    };
    context.Invoices.Add(invoice);
    context.InvoiceLines.Add(new InvoiceLine
    {
        Id = Guid.CreateVersion7(new DateTimeOffset(invoice.CreatedAt)),
        InvoiceId = invoice.Id,
        Position = 0,
        Description = (i % 3) switch { 0 => "Bookkeeping, monthly", 1 => "Personal tax return", _ => "Payroll remittances" },
        Quantity = 1,
        UnitAmount = net,
        Amount = net,
    });

    var payment = new Payment
    {
        Id = Guid.CreateVersion7(new DateTimeOffset(recordedAt)),
        ClientId = clientId,
        Status = status,
        ReceivedOn = receivedOn,
        Amount = net + fee,
        FeeAmount = fee,
        Currency = "CAD",
        RecordedAt = recordedAt,
    };
    if (online)
    {
        var key = $"cs_bench_{i:D6}";
        payment.Method = PaymentMethod.Online;
        payment.ProviderKey = key;
        payment.CheckoutSessionId = key;
        payment.PaymentIntentId = $"pi_bench_{i:D6}";
        payment.ChargeId = status == PaymentStatus.Failed ? null : $"ch_bench_{i:D6}";
    }
    else
    {
        payment.Method = (i % 3) switch { 0 => PaymentMethod.Cheque, 1 => PaymentMethod.ETransfer, _ => PaymentMethod.Cash };
        payment.Reference = payment.Method switch
        {
            PaymentMethod.Cheque => $"Cheque {1000 + (i % 9000)}",
            PaymentMethod.ETransfer => $"CA{i:X8}",
            _ => null,
        };
        payment.RecordedBy = staff[i % staff.Count];
    }

    context.Payments.Add(payment);
    context.Allocations.Add(new PaymentAllocation { Id = Guid.CreateVersion7(new DateTimeOffset(recordedAt)), PaymentId = payment.Id, InvoiceId = invoice.Id, Amount = net });
}
