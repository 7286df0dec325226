using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Core.Tenancy;
using Portal.Documents.Services;
using Portal.Tests.Documents;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Core.Contracts;

/// <summary>A module (the test module) stores files through the attachments contract and gets the documents rules.</summary>
public sealed class AttachmentStoreTests(SharedAppsWithTestModule apps) : IClassFixture<SharedAppsWithTestModule>
{
    [Theory, BothDatabases]
    public async Task A_module_stores_a_file_encrypted_and_reads_it_back_then_deletes_it(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        var noteId = Guid.NewGuid();
        var marker = "attachment-plaintext-" + Guid.NewGuid().ToString("N");
        var content = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(marker + "\n", 200)));

        var result = await NotesAsync(app, practice, n => n.AttachAsync(noteId, "Receipts/../notes.txt", content, Guid.NewGuid()));

        Assert.Null(result.Error);
        var attachment = result.Attachment!;
        Assert.Equal("text/plain", attachment.ContentType);
        Assert.Equal(content.Length, attachment.Size);
        Assert.EndsWith("notes.txt", attachment.FileName, StringComparison.Ordinal);
        Assert.True(attachment.IsReleased);
        Assert.Equal(attachment.Id, Assert.Single(await NotesAsync(app, practice, n => n.ListAsync(noteId))).Id);
        Assert.Equal(content, await NotesAsync(app, practice, n => n.ReadAsync(attachment.Id)));
        Assert.False(AnyFileHolds(app.AppDataPath, marker), "the plain text is stored somewhere under App_Data");

        Assert.True(await NotesAsync(app, practice, n => n.DeleteAsync(attachment.Id)));
        Assert.Null(await NotesAsync(app, practice, n => n.ReadAsync(attachment.Id)));
        Assert.Empty(await NotesAsync(app, practice, n => n.ListAsync(noteId)));
        Assert.False(await NotesAsync(app, practice, n => n.DeleteAsync(attachment.Id)));
    }

    [Theory, BothDatabases]
    public async Task A_type_the_documents_rules_refuse_is_refused_with_the_reason_and_nothing_is_stored(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        var noteId = Guid.NewGuid();

        var executable = await NotesAsync(app, practice, n => n.AttachAsync(noteId, "setup.exe", [0x4D, 0x5A, 0x90, 0x00], Guid.NewGuid()));
        var renamed = await NotesAsync(app, practice, n => n.AttachAsync(noteId, "invoice.pdf", [0x4D, 0x5A, 0x90, 0x00], Guid.NewGuid()));

        Assert.Null(executable.Attachment);
        Assert.Contains("is a .exe file, which cannot be sent", executable.Error, StringComparison.Ordinal);
        Assert.Null(renamed.Attachment);
        Assert.Contains("does not contain what its name says", renamed.Error, StringComparison.Ordinal);
        Assert.Empty(await NotesAsync(app, practice, n => n.ListAsync(noteId)));
    }

    [Fact]
    public async Task A_file_over_the_practice_quota_is_refused_and_attachments_count_towards_the_quota()
    {
        await using var app = await PortalApplication.StartAsync(DatabaseProvider.Sqlite, o => o
            .WithServices(TestModule.Register)
            .Set("Portal:Documents:PracticeQuota", "1500000"));
        var practice = await app.CreatePracticeAsync();
        var noteId = Guid.NewGuid();

        var first = await NotesAsync(app, practice, n => n.AttachAsync(noteId, "first.pdf", DocumentsScenario.Pdf(1_000_000), Guid.NewGuid()));
        var second = await NotesAsync(app, practice, n => n.AttachAsync(noteId, "second.pdf", DocumentsScenario.Pdf(900_000, seed: 2), Guid.NewGuid()));

        Assert.Null(first.Error);
        Assert.Null(second.Attachment);
        Assert.Contains("storage is full", second.Error, StringComparison.Ordinal);
        Assert.Single(await NotesAsync(app, practice, n => n.ListAsync(noteId)));

        // One quota: an upload to a client's documents is refused for the attachment's bytes too.
        var uploadProblem = await app.InPracticeAsync(practice, sp => sp.GetRequiredService<DocumentStore>().QuotaErrorAsync(900_000, default));
        Assert.Contains("storage is full", uploadProblem, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task The_documents_sweep_of_orphaned_files_leaves_attachments_alone(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        var content = DocumentsScenario.Pdf(10_000, seed: 3);
        var attachment = (await NotesAsync(app, practice, n => n.AttachAsync(Guid.NewGuid(), "kept.pdf", content, Guid.NewGuid()))).Attachment!;

        await app.InPracticeAsync(practice, sp => ActivatorUtilities.CreateInstance<DocumentMaintenanceHandler>(sp, new ShiftedClock(TimeSpan.FromDays(30))).MaintainAsync(default));

        Assert.Equal(content, await NotesAsync(app, practice, n => n.ReadAsync(attachment.Id)));
    }

    private sealed class ShiftedClock(TimeSpan offset) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + offset;
    }

    private static Task<T> NotesAsync<T>(PortalApplication app, TenantDescriptor practice, Func<TestNoteAttachments, Task<T>> work)
        => app.InPracticeAsync(practice, sp => work(sp.GetRequiredService<TestNoteAttachments>()));

    /// <summary>
    /// Whether any file under <paramref name="folder"/> holds <paramref name="text"/>. The app is shared by
    /// other classes, whose files (mail being staged, SQLite's journals) may go while it looks.
    /// </summary>
    private static bool AnyFileHolds(string folder, string text)
    {
        string[] files, folders;
        try
        {
            files = Directory.GetFiles(folder);
            folders = Directory.GetDirectories(folder);
        }
        catch (DirectoryNotFoundException)
        {
            return false;
        }

        foreach (var file in files)
        {
            try
            {
                if (File.ReadAllText(file).Contains(text, StringComparison.Ordinal))
                {
                    return true;
                }
            }
            catch (IOException)
            {
                // Gone (or going) meanwhile: it was not this test's.
            }
        }

        return folders.Any(child => AnyFileHolds(child, text));
    }
}
