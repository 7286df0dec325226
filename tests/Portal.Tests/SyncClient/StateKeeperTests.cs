using Portal.Tests.Infrastructure;
using PortalSync.Storage;

namespace Portal.Tests.SyncProgram;

/// <summary>The state's writes during uploads: held back for at most a second, never lost.</summary>
public sealed class StateKeeperTests
{
    [Fact]
    public async Task A_change_held_back_is_written_by_the_first_save_due_after_it()
    {
        var folder = Directory.CreateTempSubdirectory("portal-sync-state-");
        try
        {
            var portal = new Uri("https://acme.portal.example/");
            var files = new ClientFiles(folder.FullName);
            var clock = new TestClock();
            using var keeper = new StateKeeper(files, new SyncState { Portal = portal }, clock);
            async Task<string?> WrittenAsync() => (await files.ReadStateAsync(portal, CancellationToken.None)).ChangesCursor;

            await keeper.SaveAsync(s => s.ChangesCursor = "first", CancellationToken.None);
            await keeper.SaveSoonAsync(s => s.ChangesCursor = "held back", CancellationToken.None);
            Assert.Equal("first", await WrittenAsync());

            await keeper.SaveIfDueAsync(CancellationToken.None);
            Assert.Equal("first", await WrittenAsync());

            clock.Advance(StateKeeper.SoonEnough);
            await keeper.SaveIfDueAsync(CancellationToken.None);
            Assert.Equal("held back", await WrittenAsync());

            // Due now, so written at once.
            clock.Advance(StateKeeper.SoonEnough);
            await keeper.SaveSoonAsync(s => s.ChangesCursor = "at once", CancellationToken.None);
            Assert.Equal("at once", await WrittenAsync());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
