using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Core.Modules;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Web;

/// <summary>The client site promises only what the practice has switched on.</summary>
public sealed class ClientHomeCopyTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Theory, BothDatabases]
    public async Task The_welcome_names_the_features_the_practice_has_and_no_others(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync(displayName: "Harbour Accounting Inc.");

        var withDocuments = (await app.ClientFor(practice).GetDocumentAsync("")).QuerySelector(".hero-lead")!.TextContent.Trim();
        Assert.Equal("Exchange documents securely with Harbour Accounting Inc.", withDocuments);

        await app.InPracticeAsync(practice, sp => sp.GetRequiredService<TenantFeatures>().DisableAsync("Portal.Documents", default));
        var without = (await app.ClientFor(practice).GetDocumentAsync("")).QuerySelector(".hero-lead")!.TextContent.Trim();
        Assert.Equal("Your secure portal with Harbour Accounting Inc.", without);
        foreach (var text in new[] { withDocuments, without })
        {
            Assert.DoesNotContain("invoice", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("request", text, StringComparison.OrdinalIgnoreCase);
        }
    }
}
