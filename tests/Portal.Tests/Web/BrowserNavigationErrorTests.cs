using System.Net;
using Portal.Core.Data;
using Portal.Tests.Documents;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Web;

/// <summary>An endpoint's error: the portal's page for a person who followed a link, problem details for a script.</summary>
public sealed class BrowserNavigationErrorTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Theory, BothDatabases]
    public async Task A_dead_download_link_shows_a_person_the_error_page_and_a_script_problem_details(DatabaseProvider provider)
    {
        var scenario = await DocumentsScenario.CreateAsync(await apps.For(provider));
        var client = await scenario.App.SignedInClientAsync(scenario.Practice, scenario.ClientUser);
        var deadLink = $"documents/versions/{Guid.NewGuid()}/download";

        // A browser following the link (Fetch Metadata says navigate), and an older one that says only what it accepts.
        foreach (var navigation in new[] { ("Sec-Fetch-Mode", "navigate"), ("Accept", "text/html,application/xhtml+xml") })
        {
            var request = new HttpRequestMessage(HttpMethod.Get, deadLink);
            request.Headers.TryAddWithoutValidation(navigation.Item1, navigation.Item2);
            var page = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
            Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
            Assert.Contains("Page not found", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // The page's own script (fetch) asking the same gets the problem.
        var script = new HttpRequestMessage(HttpMethod.Get, deadLink);
        script.Headers.Add("Sec-Fetch-Mode", "cors");
        script.Headers.Accept.ParseAdd("text/html");
        var problem = await client.SendAsync(script);
        Assert.Equal(HttpStatusCode.NotFound, problem.StatusCode);
        Assert.Equal("application/problem+json", problem.Content.Headers.ContentType?.MediaType);
    }
}
