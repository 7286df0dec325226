using System.Collections.Concurrent;
using PortalSync.Api;
using PortalSync.Data;
using PortalSync.Planning;
using PortalSync.Storage;
using Spectre.Console;

namespace PortalSync.Running;

/// <summary>
/// One sync: plan, push every kind the practice takes in order with a progress bar each (a kind whose
/// feature is off in the portal is skipped, said so, and kept for a later run), upload documents beside
/// the kinds pushed after them, then pull new files and changes.
/// </summary>
internal sealed class SyncRunner(IAnsiConsole console, PortalApi api, ClientFiles files, TimeProvider clock)
{
    /// <summary>
    /// Files uploaded at once. The portal applies a batch on one core; one upload beside it uses the
    /// other, and a second hides one file's round trips behind another's. More would only share the same
    /// bandwidth and take the practice's request budget (429s) from the batches.
    /// </summary>
    public const int UploadsAtOnce = 2;

    public async Task<RunTally> RunAsync(IPracticeDataSource source, string downloadsFolder, CancellationToken cancellationToken)
    {
        var state = await files.ReadStateAsync(api.Portal, cancellationToken);
        var started = clock.GetUtcNow();
        var tally = new RunTally();
        var plan = await SyncPlanner.PlanAsync(source, state, cancellationToken);
        tally.AddErrors(plan.Errors);
        console.MarkupLine(plan.Count == 0
            ? $"Nothing changed in {Markup.Escape(source.Description)} since the last run."
            : $"{plan.Count} change(s) to send from {Markup.Escape(source.Description)}.");

        using var keeper = new StateKeeper(files, state, clock);
        var completed = false;
        try
        {
            var me = await api.GetJsonAsync<WhoAmI>("api/v1/whoami", cancellationToken);
            var taken = (me.Kinds ?? SyncKinds.InOrder).ToHashSet(StringComparer.Ordinal);
            await console.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                .StartAsync(async progress =>
                {
                    await PushAndUploadAsync(progress, plan, taken, me.UploadsBesideBatches, keeper, tally, cancellationToken);

                    var pulling = progress.AddTask("Checking for new files and changes", maxValue: 2);
                    if (taken.Contains(SyncKinds.Documents))
                    {
                        await new NewFilesPuller(api, downloadsFolder, tally).PullAsync(cancellationToken);
                    }

                    pulling.Increment(1);
                    await new ChangeFeedPuller(api, keeper, source.WriteBack, tally).PullAsync(cancellationToken);
                    pulling.Increment(1);
                    pulling.StopTask();
                });
            completed = true;
        }
        finally
        {
            // Nothing else changes the state now: the uploads have ended whichever way the run went.
            var summary = new RunSummary
            {
                StartedAt = started,
                FinishedAt = clock.GetUtcNow(),
                Completed = completed,
                Counts = tally.Counts,
                Errors = tally.Errors.Count,
                Downloaded = tally.Downloaded,
                WrittenBack = tally.WrittenBack,
            };
            await keeper.SaveAsync(s => s.LastRun = summary, CancellationToken.None);
        }

        return tally;
    }

    /// <summary>
    /// Pushes the kinds in order; once the documents batches have answered, their uploads go on beside the
    /// kinds after them when the portal says they may (<paramref name="besideBatches"/>), else after the
    /// last batch. Returns once both sides have ended; a failure of either stops the other, and the first
    /// one is thrown.
    /// </summary>
    private async Task PushAndUploadAsync(ProgressContext progress, SyncPlan plan, HashSet<string> taken, bool besideBatches, StateKeeper state, RunTally tally, CancellationToken cancellationToken)
    {
        IReadOnlyList<PlannedItem> later = [];
        var bars = SyncKinds.InOrder.ToDictionary(k => k, k => progress.AddTask(Title(k), maxValue: Math.Max(1, plan.Of(k).Count)));
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var failure = new FirstFailure(stopping);
        var uploading = Task.CompletedTask;
        try
        {
            var pusher = new BatchPusher(api, state, tally);
            foreach (var kind in SyncKinds.InOrder)
            {
                var bar = bars[kind];
                if (!taken.Contains(kind))
                {
                    if (plan.Of(kind).Count > 0)
                    {
                        tally.Skipped.Add(kind);
                    }

                    bar.Description = $"{Title(kind)}: off in the portal, skipped";
                    bar.StopTask();
                    continue;
                }

                bar.StartTask();
                var sent = await pusher.PushAsync(kind, plan.Of(kind), count => bar.Increment(count), stopping.Token);
                bar.Value = bar.MaxValue;
                bar.StopTask();
                if (kind == SyncKinds.Documents && sent.Count > 0)
                {
                    if (besideBatches)
                    {
                        uploading = UploadAsync(sent, progress, state, tally, failure, stopping.Token);
                    }
                    else
                    {
                        later = sent;
                    }
                }
            }

            if (later.Count > 0)
            {
                uploading = UploadAsync(later, progress, state, tally, failure, stopping.Token);
            }
        }
        catch (Exception e)
        {
            failure.Record(e);
        }

        await uploading;
        failure.ThrowIfAny();
    }

    /// <summary><see cref="UploadsAtOnce"/> files at a time on one byte progress bar; never throws (a failure goes to <paramref name="failure"/>).</summary>
    private async Task UploadAsync(IReadOnlyList<PlannedItem> uploads, ProgressContext progress, StateKeeper state, RunTally tally, FirstFailure failure, CancellationToken cancellationToken)
    {
        var bytes = progress.AddTask($"Uploading {uploads.Count} file(s)", maxValue: Math.Max(1, uploads.Sum(u => u.FileLength)));
        var uploader = new TusUploader(api, state, tally);
        var queue = new ConcurrentQueue<PlannedItem>(uploads);

        async Task TakeTurnsAsync()
        {
            try
            {
                while (queue.TryDequeue(out var upload))
                {
                    // Each file adds what it moved since it last said so; the bar is the sum of all files.
                    long shown = 0;
                    await uploader.UploadAsync(upload, offset =>
                    {
                        bytes.Increment(offset - shown);
                        shown = offset;
                    }, cancellationToken);
                    bytes.Increment(upload.FileLength - shown);
                }
            }
            catch (Exception e)
            {
                failure.Record(e);
            }
        }

        try
        {
            // On the thread pool, so the batches go on at once whatever the first steps of an upload take.
            await Task.WhenAll(Enumerable.Range(0, UploadsAtOnce).Select(_ => Task.Run(TakeTurnsAsync, CancellationToken.None)));
        }
        finally
        {
            bytes.StopTask();
        }
    }

    private static string Title(string kind) => char.ToUpperInvariant(kind[0]) + kind[1..];
}
