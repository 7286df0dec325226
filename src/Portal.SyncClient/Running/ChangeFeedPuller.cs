using System.Text.Json;
using PortalSync.Api;
using PortalSync.Data;
using PortalSync.Storage;

namespace PortalSync.Running;

/// <summary>
/// Reads the change feed from the saved cursor and writes online payments, messages and completed tasks
/// back to the practice's data; the cursor is saved after each page is written (an event written twice
/// after a stop keeps one row: the event id is the write-back tables' key).
/// </summary>
internal sealed class ChangeFeedPuller(PortalApi api, StateKeeper state, IWriteBackSink sink, RunTally tally)
{
    private const int PageSize = 500;

    public async Task PullAsync(CancellationToken cancellationToken)
    {
        for (var round = 0; round < 10_000; round++)
        {
            var cursor = await state.ReadAsync(s => s.ChangesCursor, cancellationToken);
            var query = $"api/v1/changes?limit={PageSize}" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor));
            var page = await api.GetJsonAsync<ChangesPage>(query, cancellationToken);
            var payments = page.Items.Where(e => e.Kind == "payment-received" && e.Payment is not null).Select(Payment).ToList();
            var messages = page.Items.Where(e => e.Kind == "message" && e.Message is not null).Select(Message).ToList();
            var tasks = page.Items.Where(e => e.Kind == "task-completed" && e.Task is not null).Select(Task).ToList();
            tally.WrittenBack += await sink.WriteAsync(payments, messages, tasks, cancellationToken);
            if (page.Next is { Length: > 0 } next)
            {
                await state.SaveAsync(s => s.ChangesCursor = next, cancellationToken);
            }

            if (!page.HasMore || page.Items.Count == 0)
            {
                return;
            }
        }
    }

    private static OnlinePayment Payment(ChangeEvent e)
    {
        var p = e.Payment!.Value;
        return new OnlinePayment(e.Cursor, e.ClientExternalId, Text(p, "paymentId"), Text(p, "invoiceExternalId"), Text(p, "invoiceNumber"), Text(p, "amount"), Text(p, "currency"), Text(p, "receivedOn"), Text(p, "method"), e.OccurredAt);
    }

    private static ClientMessage Message(ChangeEvent e)
    {
        var m = e.Message!.Value;
        return new ClientMessage(e.Cursor, e.ClientExternalId, Text(m, "threadId"), Text(m, "subject"), Text(m, "from"), Text(m, "text"), e.OccurredAt);
    }

    private static CompletedTask Task(ChangeEvent e)
    {
        var t = e.Task!.Value;
        return new CompletedTask(e.Cursor, e.ClientExternalId, Text(t, "taskId"), Text(t, "title"), Text(t, "completedAt"), e.OccurredAt);
    }

    private static string? Text(JsonElement element, string name)
        => element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined ? null : value.GetRawText()
            : null;
}
