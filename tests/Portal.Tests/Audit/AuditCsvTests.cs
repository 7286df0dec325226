using Portal.Audit.Models;
using Portal.Audit.Services;

namespace Portal.Tests.Audit;

public sealed class AuditCsvTests
{
    [Theory]
    [InlineData(null, "")]
    [InlineData("", "")]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\r\nlines", "\"two\r\nlines\"")]
    [InlineData("=1+1", "\"'=1+1\"")]
    [InlineData("+1", "\"'+1\"")]
    [InlineData("-1", "\"'-1\"")]
    [InlineData("@SUM(A1)", "\"'@SUM(A1)\"")]
    [InlineData("\t=1", "\"'\t=1\"")]
    [InlineData("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [InlineData("a=b", "a=b")]
    public void Fields_are_quoted_when_needed_and_formulas_become_text(string? value, string expected)
        => Assert.Equal(expected, AuditCsv.Field(value));

    [Fact]
    public async Task Writing_puts_a_header_then_one_crlf_line_per_event()
    {
        var events = new[]
        {
            new AuditEvent { Sequence = 2, OccurredAt = new DateTime(2026, 11, 22, 9, 30, 15, 123, DateTimeKind.Utc), Action = "identity.signin.failed", ActorName = "=cmd", IpAddress = "203.0.113.9", Hash = "bb" },
            new AuditEvent { Sequence = 1, OccurredAt = new DateTime(2026, 11, 21, 0, 0, 0, DateTimeKind.Utc), Action = "identity.user.created", ActorId = Guid.Empty, TargetType = "user", TargetId = "42", Details = "x, y", Hash = "aa" },
        };
        using var stream = new MemoryStream();

        await AuditCsv.WriteAsync(stream, events.ToAsyncEnumerable(), SequenceSentences, CancellationToken.None);

        var rows = Csv.Parse(new System.Text.UTF8Encoding(false).GetString(stream.ToArray().AsSpan(3)));
        Assert.Equal(3, rows.Count);
        Assert.Equal(["2", "2026-11-22T09:30:15.123Z", "'=cmd", "", "identity.signin.failed", "", "", "", "203.0.113.9", "bb", "event 2"], rows[1]);
        Assert.Equal(["1", "2026-11-21T00:00:00.000Z", "", Guid.Empty.ToString(), "identity.user.created", "user", "42", "x, y", "", "aa", "event 1"], rows[2]);
    }

    [Fact]
    public async Task Descriptions_are_asked_for_a_batch_at_a_time_and_stay_with_their_events()
    {
        var events = Enumerable.Range(1, 1_234).Select(i => new AuditEvent { Sequence = i, Action = "a.b", Hash = "h" }).ToList();
        var batches = new List<int>();
        using var stream = new MemoryStream();

        await AuditCsv.WriteAsync(
            stream,
            events.ToAsyncEnumerable(),
            (batch, cancellationToken) =>
            {
                batches.Add(batch.Count);
                return SequenceSentences(batch, cancellationToken);
            },
            CancellationToken.None);

        var rows = Csv.Parse(new System.Text.UTF8Encoding(false).GetString(stream.ToArray().AsSpan(3)));
        Assert.Equal([500, 500, 234], batches);
        Assert.Equal(events.Select(e => $"event {e.Sequence}"), rows.Skip(1).Select(r => r[10]));
        Assert.All(rows.Skip(1), r => Assert.Equal($"event {r[0]}", r[10]));
    }

    [Fact]
    public void A_filter_becomes_query_values_that_keep_it()
    {
        Assert.Equal("", new AuditFilter().ToQueryString());
        Assert.True(new AuditFilter(" ", "").IsEmpty);
        Assert.Equal(
            "action=identity.signin.failed&actor=a%26b%20c&from=2026-01-02&to=2026-03-04",
            new AuditFilter("identity.signin.failed", " a&b c ", new DateOnly(2026, 1, 2), new DateOnly(2026, 3, 4)).ToQueryString());
    }

    private static Task<IReadOnlyList<string>> SequenceSentences(IReadOnlyList<AuditEvent> batch, CancellationToken cancellationToken)
        => Task.FromResult<IReadOnlyList<string>>(batch.Select(e => $"event {e.Sequence}").ToList());
}
