using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core;
using Portal.Core.Contracts;
using Portal.Core.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Audit;

/// <summary>
/// <c>dotnet Portal.Web.dll verify-audit ...</c>, run through the application's own command. Its apps are
/// its own: <c>--all</c> reads every practice of the app, and other classes break chains on purpose.
/// </summary>
public sealed class VerifyAuditCommandTests(ClassApps apps) : IClassFixture<ClassApps>
{
    [Theory, BothDatabases]
    public async Task The_command_exits_0_for_intact_chains_and_1_once_one_is_changed(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var first = await app.CreatePracticeAsync();
        var second = await app.CreatePracticeAsync();
        var action = AuditTestData.UniqueAction();
        await app.RecordManyAsync(first, 3, i => new AuditEntry(action, Details: $"event {i}"));
        await app.RecordManyAsync(second, 2, i => new AuditEntry(action, Details: $"event {i}"));
        var count = (await app.EventsAsync(first)).Count;

        var (code, output) = await RunAsync(app, first.Name);
        Assert.Equal(0, code);
        Assert.Equal($"{first.Name}: {count} events, chain intact", output.Trim());

        (code, output) = await RunAsync(app, "--all");
        Assert.Equal(0, code);
        Assert.Contains($"{first.Name}: {count} events, chain intact", output, StringComparison.Ordinal);
        Assert.Contains($"{second.Name}: ", output, StringComparison.Ordinal);

        var changed = (await app.EventsAsync(first, action))[1].Sequence;
        await app.ChangeAsync(first, db => db.Events.Where(e => e.Sequence == changed).ExecuteUpdateAsync(s => s.SetProperty(e => e.ActorName, "someone else")));

        (code, output) = await RunAsync(app, first.Name);
        Assert.Equal(1, code);
        Assert.Equal($"{first.Name}: chain broken at sequence {changed}: hash does not match its contents ({Events(changed - 1)} verified before it)", output.Trim());

        (code, output) = await RunAsync(app, "--all");
        Assert.Equal(1, code);
        Assert.Contains($"{first.Name}: chain broken at sequence {changed}", output, StringComparison.Ordinal);
        Assert.Contains($"{second.Name}: ", output, StringComparison.Ordinal);
        Assert.DoesNotContain($"{second.Name}: chain broken", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("no-such-practice")]
    [InlineData("")]
    public async Task An_unknown_practice_or_no_argument_is_a_usage_error(string argument)
    {
        var app = await apps.For(DatabaseProvider.Sqlite);

        var (code, output) = await RunAsync(app, argument.Length == 0 ? [] : [argument]);

        Assert.Equal(2, code);
        Assert.Contains(argument.Length == 0 ? "Usage: verify-audit" : "Unknown practice 'no-such-practice'.", output, StringComparison.Ordinal);
    }

    private static string Events(long count) => count == 1 ? "1 event" : $"{count} events";

    private static Task<(int Code, string Output)> RunAsync(PortalApplication app, string argument) => RunAsync(app, [argument]);

    private static async Task<(int Code, string Output)> RunAsync(PortalApplication app, string[] arguments)
    {
        var command = app.Services.GetServices<IPortalCommand>().Single(c => c.Name == "verify-audit");
        using var output = new StringWriter();
        var code = await command.RunAsync(arguments, output, CancellationToken.None);
        return (code, output.ToString());
    }
}
