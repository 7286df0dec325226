using System.Diagnostics;
using Portal.Reports.Models;
using Portal.Reports.Services;

// One format per process, so the peak resident set is that writer's alone:
//   dotnet bin/.../Portal.Bench.Reports.dll xlsx|csv|json [rows=100000] [file]
var format = args.Length > 0 ? args[0] : "xlsx";
var count = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
var path = args.Length > 2 ? args[2] : Path.Combine(Path.GetTempPath(), "bench-report." + format);
IPaymentReportWriter writer = format switch
{
    "xlsx" => new PaymentReportXlsx(),
    "csv" => new PaymentReportCsv(),
    "json" => new PaymentReportJson(),
    _ => throw new ArgumentException("format: xlsx, csv or json"),
};

var watch = Stopwatch.StartNew();
await using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024, FileOptions.Asynchronous))
{
    await writer.WriteAsync(Rows(count), file, CancellationToken.None);
}

watch.Stop();
Console.WriteLine($"{format}\t{count}\t{watch.Elapsed.TotalSeconds:F2} s\tpeak RSS {PeakResidentMiB()} MiB\t{new FileInfo(path).Length / 1024.0 / 1024.0:F1} MiB file\t{path}");

static async IAsyncEnumerable<PaymentReportRow> Rows(int count)
{
    var start = new DateOnly(2026, 1, 1);
    for (var i = 0; i < count; i++)
    {
        var gross = 10_000 + (i % 5000) * 37L;
        var fee = (gross * 29 / 1000) + 30;
        yield return new PaymentReportRow(
            start.AddDays(i % 365),
            $"Client {i % 2000} Holdings Ltd.",
            $"INV-{i:D6}",
            $"Payment for invoice INV-{i:D6}",
            gross,
            fee,
            i % 10 == 0 ? "USD" : "CAD",
            (PaymentReportStatus)(i % 5),
            i % 3 == 0 ? "Cheque" : "Card",
            $"pi_3Q{i:D10}abcdefgh",
            i % 7 == 0 ? null : "Jane Accountant");
        if (i % 10_000 == 0)
        {
            await Task.Yield();
        }
    }
}

static long PeakResidentMiB()
{
    // VmHWM: the most resident memory the process has had (Linux).
    var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
    return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024;
}
