using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Portal.Bench.Storage;
using Portal.Core;
using Portal.Core.Data;
using Portal.Core.Storage;
using Portal.Core.Tenancy;

// Usage: dotnet run -c Release --project bench/storage -- [size-MiB=1024] [runs=3] [folder]
// Encrypts and writes, then reads and decrypts, a generated file through the real EncryptedBlobStore
// on the file-system backend, next to a plain (unencrypted) file copy of the same size for reference.
var sizeMiB = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1024;
var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
var folder = args.Length > 2 ? args[2] : Path.Combine(Path.GetTempPath(), "portal-bench-storage-" + Guid.NewGuid().ToString("N")[..8]);
var size = sizeMiB * 1024L * 1024;
Directory.CreateDirectory(folder);

var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Portal:AppData:Path"] = folder,
    ["Portal:Database:Provider"] = "Sqlite",
    ["Portal:Encryption:MasterKeys:0:Id"] = "bench",
    ["Portal:Encryption:MasterKeys:0:Key"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
}).Build();
var services = new ServiceCollection();
services.AddSingleton<IConfiguration>(configuration);
services.AddSingleton<IHostEnvironment>(new HostingEnvironment { EnvironmentName = "Production", ApplicationName = "bench", ContentRootPath = folder });
services.AddLogging();
services.AddPortal(configuration, _ => { });
await using var provider = services.BuildServiceProvider();

var practice = new TenantDescriptor("bench", "Bench", TenantState.Running, [], [], 1, null);
await provider.GetRequiredService<DatabaseLayout>().CreateTenantDatabaseAsync(practice, default);
await provider.GetRequiredService<TenantMigrator>().MigrateAsync(practice, default);
var block = RandomNumberGenerator.GetBytes(1024 * 1024 + 7);

Console.WriteLine($"Encrypted blob storage, file-system backend, {sizeMiB} MiB per run, {runs} runs, {Environment.ProcessorCount} cores, {folder}");
Console.WriteLine("(reads follow writes, so the file is usually in the page cache: read figures are mostly decryption)");
var results = new List<(string Name, double MiBps, long Allocated)>();
for (var run = 1; run <= runs; run++)
{
    await using var scope = provider.GetRequiredService<TenantScopeFactory>().CreateScope(practice);
    var store = scope.ServiceProvider.GetRequiredService<EncryptedBlobStore>();
    var key = store.NewBlobKey();

    var (write, writeAllocated, written) = await MeasureAsync(() => store.WriteAsync(key, new RepeatingStream(size, block), default));
    var (read, readAllocated, _) = await MeasureAsync(async () =>
    {
        await using var stream = await store.OpenReadAsync(key, written.Sha256, default);
        await DrainAsync(stream);
        return 0;
    });

    var plainFile = Path.Combine(folder, "plain.bin");
    var (plainWrite, _, _) = await MeasureAsync(async () =>
    {
        await using var file = new FileStream(plainFile, FileMode.Create, FileAccess.Write, FileShare.None, 0, FileOptions.Asynchronous);
        await new RepeatingStream(size, block).CopyToAsync(file, 128 * 1024);
        file.Flush(flushToDisk: true);
        return 0;
    });
    var (plainRead, _, _) = await MeasureAsync(async () =>
    {
        await using var file = new FileStream(plainFile, FileMode.Open, FileAccess.Read, FileShare.Read, 0, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await DrainAsync(file);
        return 0;
    });

    results.Add(("encrypt+write", sizeMiB / write.TotalSeconds, writeAllocated));
    results.Add(("read+decrypt", sizeMiB / read.TotalSeconds, readAllocated));
    results.Add(("plain write (fsync)", sizeMiB / plainWrite.TotalSeconds, 0));
    results.Add(("plain read", sizeMiB / plainRead.TotalSeconds, 0));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"run {run}: encrypt+write {sizeMiB / write.TotalSeconds,7:F0} MiB/s   read+decrypt {sizeMiB / read.TotalSeconds,7:F0} MiB/s   plain write {sizeMiB / plainWrite.TotalSeconds,7:F0} MiB/s   plain read {sizeMiB / plainRead.TotalSeconds,7:F0} MiB/s"));
    await store.DeleteAsync(key, default);
    File.Delete(plainFile);
}

Console.WriteLine();
Console.WriteLine("| operation            | median MiB/s | best MiB/s | allocated per run |");
Console.WriteLine("|----------------------|--------------|------------|-------------------|");
foreach (var group in results.GroupBy(r => r.Name))
{
    var speeds = group.Select(r => r.MiBps).Order().ToList();
    var allocated = group.Max(r => r.Allocated);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {group.Key,-20} | {speeds[speeds.Count / 2],12:F0} | {speeds[^1],10:F0} | {(allocated == 0 ? "-" : $"{allocated / 1024.0 / 1024.0:F1} MiB"),17} |"));
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0:F0} MiB (file size {sizeMiB} MiB)"));
Directory.Delete(folder, recursive: true);
return 0;

static async Task<(TimeSpan Elapsed, long Allocated, T Result)> MeasureAsync<T>(Func<Task<T>> work)
{
    var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
    var watch = Stopwatch.StartNew();
    var result = await work();
    watch.Stop();
    return (watch.Elapsed, GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore, result);
}

static async Task DrainAsync(Stream stream)
{
    var buffer = new byte[128 * 1024];
    while (await stream.ReadAsync(buffer) > 0)
    {
    }
}
