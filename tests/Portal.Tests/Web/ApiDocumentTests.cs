using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Portal.Core.Data;
using Portal.Core.Errors;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Web;

/// <summary>The OpenAPI document is served on the platform site and describes exactly the API areas' named endpoints.</summary>
public sealed class ApiDocumentTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Fact]
    public async Task The_document_lists_every_named_api_endpoint_and_no_page()
    {
        var app = await apps.For(DatabaseProvider.Sqlite);
        var names = app.Get<EndpointDataSource>().Endpoints
            .Where(e => e.Metadata.GetMetadata<ApiEndpointMetadata>() is not null)
            .Select(e => e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName)
            .ToList();
        Assert.True(names.Count >= 14, $"only {names.Count} API endpoints in the endpoint table");
        Assert.DoesNotContain(null, names);

        var response = await app.HostClient().GetAsync("openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        var paths = document.RootElement.GetProperty("paths");
        var operations = paths.EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Where(o => o.Value.ValueKind == JsonValueKind.Object && o.Value.TryGetProperty("operationId", out _))
                .Select(o => (Path: path.Name, OperationId: o.Value.GetProperty("operationId").GetString()!, Operation: o.Value)))
            .ToList();
        Assert.Equal(names.Order(StringComparer.Ordinal), operations.Select(o => o.OperationId).Order(StringComparer.Ordinal));
        Assert.Contains(operations, o => o.Path == "/uploads/{id}" && o.OperationId == "AppendToUpload");
        Assert.Contains(operations, o => o.Path == "/documents/versions/{versionId}/download" && o.OperationId == "DownloadDocumentVersion");

        // Pages are not API: no admin page, no sign-in page, no favicon.
        Assert.DoesNotContain(paths.EnumerateObject(), p => p.Name is "/account/signin" or "/admin" or "/favicon.ico" or "/documents");

        // Errors are described as problem details.
        var download = operations.Single(o => o.OperationId == "DownloadDocumentVersion").Operation;
        Assert.True(download.GetProperty("responses").GetProperty("404").GetProperty("content").TryGetProperty("application/problem+json", out _));
    }

    [Fact]
    public async Task The_document_is_not_served_on_a_practice_site()
    {
        var app = await apps.For(DatabaseProvider.Sqlite);
        var practice = await app.CreatePracticeAsync();

        var response = await app.ClientFor(practice).GetAsync("openapi/v1.json");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
