using PortalSync.Api;
using PortalSync.Data;
using PortalSync.Planning;
using PortalSync.Storage;
using Spectre.Console;

namespace PortalSync.Running;

/// <summary>
/// One sync: plan, push every kind the practice takes in order with a progress bar each (a kind whose
/// feature is off in the portal is skipped, said so, and kept for a later run), upload documents, pull
/// new files and changes.
/// </summary>
internal sealed class SyncRunner(IAnsiConsole console, PortalApi api, ClientFiles files, TimeProvider clock)
{
    public async Task<RunTally> RunAsync(IPracticeDataSource source, string downloadsFolder, CancellationToken cancellationToken)
    {
        var state = await files.ReadStateAsync(api.Portal, cancellationToken);
        var started = clock.GetUtcNow();
        var tally = new RunTally();
        var plan = await SyncPlanner.PlanAsync(source, state, cancellationToken);
        tally.Errors.AddRange(plan.Errors);
        console.MarkupLine(plan.Count == 0
            ? $"Nothing changed in {Markup.Escape(source.Description)} since the last run."
            : $"{plan.Count} change(s) to send from {Markup.Escape(source.Description)}.");

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
                    var bars = SyncKinds.InOrder.ToDictionary(k => k, k => progress.AddTask(Title(k), maxValue: Math.Max(1, plan.Of(k).Count)));
                    var pusher = new BatchPusher(api, files, state, tally);
                    IReadOnlyList<PlannedItem> uploads = [];
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
                        var sent = await pusher.PushAsync(kind, plan.Of(kind), count => bar.Increment(count), cancellationToken);
                        if (kind == SyncKinds.Documents)
                        {
                            uploads = sent;
                        }

                        bar.Value = bar.MaxValue;
                        bar.StopTask();
                    }

                    if (uploads.Count > 0)
                    {
                        var total = uploads.Sum(u => u.FileLength);
                        var bytes = progress.AddTask($"Uploading {uploads.Count} file(s)", maxValue: Math.Max(1, total));
                        var uploader = new TusUploader(api, files, state, tally);
                        long before = 0;
                        foreach (var upload in uploads)
                        {
                            await uploader.UploadAsync(upload, offset => bytes.Value = before + offset, cancellationToken);
                            before += upload.FileLength;
                            bytes.Value = before;
                        }

                        bytes.StopTask();
                    }

                    var pulling = progress.AddTask("Checking for new files and changes", maxValue: 2);
                    if (taken.Contains(SyncKinds.Documents))
                    {
                        await new NewFilesPuller(api, downloadsFolder, tally).PullAsync(cancellationToken);
                    }

                    pulling.Increment(1);
                    await new ChangeFeedPuller(api, files, state, source.WriteBack, tally).PullAsync(cancellationToken);
                    pulling.Increment(1);
                    pulling.StopTask();
                });
            completed = true;
        }
        finally
        {
            state.LastRun = new RunSummary
            {
                StartedAt = started,
                FinishedAt = clock.GetUtcNow(),
                Completed = completed,
                Counts = tally.Counts,
                Errors = tally.Errors.Count,
                Downloaded = tally.Downloaded,
                WrittenBack = tally.WrittenBack,
            };
            await files.SaveStateAsync(state, CancellationToken.None);
        }

        return tally;
    }

    private static string Title(string kind) => char.ToUpperInvariant(kind[0]) + kind[1..];
}
