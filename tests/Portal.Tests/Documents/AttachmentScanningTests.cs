using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Contracts;
using Portal.Core.Data;
using Portal.Core.Tenancy;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Documents;

/// <summary>Attachments pass the real clamd like uploads: unreadable until released, EICAR quarantined for good.</summary>
public sealed class AttachmentScanningTests(ScanningApps apps) : IClassFixture<ScanningApps>
{
    [Theory, BothDatabases]
    public async Task A_clean_attachment_is_readable_once_scanned_and_an_EICAR_one_never(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        var ownerId = Guid.NewGuid();
        var clean = DocumentsScenario.Pdf(50_000);

        var stored = await StoreAsync(app, practice, new AttachmentUpload("test-note", ownerId, "statement.pdf", new MemoryStream(clean), Guid.NewGuid()));
        var infected = await StoreAsync(app, practice, new AttachmentUpload("test-note", ownerId, "statement.txt", new MemoryStream(Eicar.Bytes), Guid.NewGuid()));

        Assert.Equal(AttachmentScanState.Pending, stored.Attachment!.ScanState);
        var released = await Eventually.GetAsync(
            async () => await FindAsync(app, practice, stored.Attachment.Id) is { IsReleased: true } a ? a : null, what: "the clean attachment to be released");
        Assert.Equal(AttachmentScanState.Clean, released.ScanState);
        Assert.Equal(clean, await ReadAsync(app, practice, stored.Attachment.Id));

        await Eventually.TrueAsync(
            async () => (await FindAsync(app, practice, infected.Attachment!.Id))!.ScanState == AttachmentScanState.Quarantined, what: "the EICAR attachment to be quarantined");
        Assert.Null(await ReadAsync(app, practice, infected.Attachment!.Id));
    }

    private static Task<AttachmentResult> StoreAsync(PortalApplication app, TenantDescriptor practice, AttachmentUpload upload)
        => app.InPracticeAsync(practice, sp => sp.GetRequiredService<IAttachmentStore>().StoreAsync(upload));

    private static Task<AttachmentInfo?> FindAsync(PortalApplication app, TenantDescriptor practice, Guid id)
        => app.InPracticeAsync(practice, sp => sp.GetRequiredService<IAttachmentStore>().FindAsync(id));

    private static Task<byte[]?> ReadAsync(PortalApplication app, TenantDescriptor practice, Guid id)
        => app.InPracticeAsync(practice, async sp =>
        {
            await using var content = await sp.GetRequiredService<IAttachmentStore>().OpenReadAsync(id);
            if (content is null)
            {
                return null;
            }

            using var copy = new MemoryStream();
            await content.CopyToAsync(copy);
            return (byte[]?)copy.ToArray();
        });
}
