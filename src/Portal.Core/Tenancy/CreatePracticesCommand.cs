using System.Diagnostics;
using System.Globalization;

namespace Portal.Core.Tenancy;

/// <summary>
/// <c>create-practices {count} [prefix=practice] [recipe=practice]</c>: sets up practices named
/// <c>{prefix}-0001</c> ... <c>{prefix}-{count}</c> through <see cref="TenantSetupService"/>, the same
/// path as the host admin's form, a few side by side; names that exist already are skipped, so an
/// interrupted run can be started again. For load tests and benchmarks (bench/practices); each
/// practice's administrator is <c>admin@{name}.example</c>. Exit code 0 when every practice exists.
/// </summary>
public sealed class CreatePracticesCommand(TenantSetupService setup, TenantRegistry registry) : IPortalCommand
{
    public const int Succeeded = 0;
    public const int Failed = 1;
    public const int BadArguments = 2;

    /// <summary>Setups side by side: each spends most of its time waiting on its own database.</summary>
    private const int Parallelism = 4;

    public string Name => "create-practices";

    public string Description => "Set up {count} practices named {prefix}-0001... with a setup recipe (for load tests; existing names are skipped).";

    public async Task<int> RunAsync(IReadOnlyList<string> arguments, TextWriter output, CancellationToken cancellationToken)
    {
        if (arguments.Count is 0 or > 3 || !int.TryParse(arguments[0], NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count is < 1 or > 100_000)
        {
            await output.WriteLineAsync("Usage: create-practices {count, 1-100000} [prefix=practice] [recipe=practice]");
            return BadArguments;
        }

        var prefix = arguments.Count > 1 ? arguments[1] : "practice";
        var recipe = arguments.Count > 2 ? arguments[2] : "practice";
        var width = Math.Max(4, count.ToString(CultureInfo.InvariantCulture).Length);
        var names = Enumerable.Range(1, count).Select(i => $"{prefix}-{i.ToString(CultureInfo.InvariantCulture).PadLeft(width, '0')}").ToList();
        if (TenantName.Validate(names[^1]) is { } nameError)
        {
            await output.WriteLineAsync($"{names[^1]}: {nameError}");
            return BadArguments;
        }

        var started = Stopwatch.GetTimestamp();
        var created = 0;
        var failed = 0;
        await Parallel.ForEachAsync(
            names.Where(n => registry.Find(n) is null),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (name, ct) =>
            {
                var result = await setup.SetupAsync(new TenantSetupRequest(name, $"Practice {name}", $"admin@{name}.example", recipe), ct);
                if (result.Succeeded)
                {
                    Interlocked.Increment(ref created);
                    return;
                }

                Interlocked.Increment(ref failed);
                lock (output)
                {
                    output.WriteLine($"{name}: {result.Error}");
                }
            });

        await output.WriteLineAsync(FormattableString.Invariant(
            $"{created} practices created, {count - created - failed} existed, {failed} failed, in {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s"));
        return failed == 0 ? Succeeded : Failed;
    }
}
