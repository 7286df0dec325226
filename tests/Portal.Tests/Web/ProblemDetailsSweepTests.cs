using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Portal.Core.Data;
using Portal.Core.Errors;
using Portal.Core.Modules;
using Portal.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Portal.Tests.Web;

/// <summary>
/// Generated from the application's endpoint table: every endpoint of an API area is named, declares
/// problem responses, and every error it can be made to answer (unknown ids, a missing protocol
/// header, malformed query values, a form without its token, a crash) is application/problem+json
/// with a stable type listed in docs/api.md, even when the caller asked for HTML.
/// </summary>
public sealed partial class ProblemDetailsSweepTests(SharedAppsWithTestModule apps, ITestOutputHelper output) : IClassFixture<SharedAppsWithTestModule>
{
    [Theory, BothDatabases]
    public async Task Every_api_endpoint_error_is_problem_json_with_a_documented_type(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        var all = app.Get<ModuleCatalog>().Features.Ordered.Select(f => f.Id).ToList();
        await app.InPracticeAsync(practice, sp => Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<TenantFeatures>(sp).EnableAsync(all, default));
        var admin = await app.AddAdministratorAsync(practice);
        var asAdmin = await app.SignedInClientAsync(practice, admin);
        var documented = DocumentedCodes();

        var endpoints = ApiEndpoints(app).ToList();
        var failures = new List<string>();
        var errors = 0;
        var erred = new HashSet<string>(StringComparer.Ordinal);
        foreach (var endpoint in endpoints)
        {
            var route = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            if (endpoint.Metadata.GetMetadata<IEndpointNameMetadata>() is null)
            {
                failures.Add($"{route} has no name (.WithName)");
            }

            if (!endpoint.Metadata.OfType<IProducesResponseTypeMetadata>().Any(m => m.StatusCode >= 400 && m.ContentTypes.Contains("application/problem+json")))
            {
                failures.Add($"{route} declares no problem response");
            }

            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            {
                foreach (var (what, request) in Provocations(endpoint, route, method))
                {
                    var response = await asAdmin.SendAsync(request);
                    var status = (int)response.StatusCode;
                    if (status < 400)
                    {
                        continue;
                    }

                    errors++;
                    erred.Add($"{method} {route}");
                    if (await ProblemOf(response, method, documented) is { } problem)
                    {
                        failures.Add($"{method} {route} ({what}) answered {status}: {problem}");
                    }
                }
            }
        }

        output.WriteLine($"{provider}: {errors} errors over {erred.Count} of {endpoints.Count} API endpoints; never an error: "
            + string.Join(", ", endpoints.SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => $"{m} /{e.RoutePattern.RawText!.TrimStart('/')}")).Where(r => !erred.Contains(r))));
        Assert.True(endpoints.Count >= 14, $"only {endpoints.Count} API endpoints: the endpoint table was not read");
        Assert.True(errors >= 25 && erred.Count >= 12, $"only {errors} errors on {erred.Count} endpoints were provoked: the sweep proves little");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    /// <summary>Problem details the framework writes for a status are given the portal's stable type too.</summary>
    [Fact]
    public void A_framework_problem_gets_the_stable_type_of_its_status()
    {
        var framework = new ProblemDetails { Status = 404, Type = "https://tools.ietf.org/html/rfc9110#section-15.5.5" };
        PortalProblemDetails.WithStableType(framework, new DefaultHttpContext());
        Assert.Equal("https://portal.example/problems/not-found", framework.Type);
        Assert.Equal("not-found", framework.Extensions["code"]);

        var feature = new PortalError("upload-expired", ErrorKind.Gone, "Expired.").ToProblemDetails();
        PortalProblemDetails.WithStableType(feature, new DefaultHttpContext());
        Assert.Equal("https://portal.example/problems/upload-expired", feature.Type);
    }

    /// <summary>Every error a feature declares (and every status type) is in docs/api.md's tables.</summary>
    [Fact]
    public void Every_declared_error_code_is_documented()
    {
        var documented = DocumentedCodes();
        var declared = typeof(ProblemTypes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string) && f.Name != nameof(ProblemTypes.BaseUri))
            .Select(f => (string)f.GetRawConstantValue()!)
            .Concat(PortalAssemblies().SelectMany(a => a.GetTypes())
                .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static))
                .Where(f => f.FieldType == typeof(PortalError) && f.IsInitOnly)
                .Select(f => ((PortalError)f.GetValue(null)!).Code))
            .Distinct()
            .ToList();

        Assert.True(declared.Count >= 30, $"only {declared.Count} codes found: the assemblies were not read");
        var undocumented = declared.Where(code => !documented.Contains(code)).ToList();
        Assert.True(undocumented.Count == 0, "not in docs/api.md: " + string.Join(", ", undocumented));
    }

    private static IEnumerable<(string What, HttpRequestMessage Request)> Provocations(RouteEndpoint endpoint, string route, string method)
    {
        var url = RouteParameter().Replace(route, m => m.Groups[1].Value.Contains(":guid", StringComparison.Ordinal) ? Guid.NewGuid().ToString() : "nonexistent").TrimStart('/');
        yield return ("unknown ids", Request(method, url, tus: true));
        yield return ("no protocol header", Request(method, url, tus: false));

        // Each query value the handler reads as a typed value, sent as something it cannot read.
        var typed = endpoint.Metadata.OfType<MethodInfo>().FirstOrDefault()?.GetParameters()
            .Where(p => !route.Contains("{" + p.Name, StringComparison.Ordinal) && (Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType) is var type
                && (type == typeof(DateOnly) || type == typeof(Guid) || type == typeof(int) || type == typeof(long)))
            .Select(p => p.Name).ToList() ?? [];
        if (typed.Count > 0)
        {
            yield return ("malformed query values", Request(method, url + "?" + string.Join("&", typed.Select(n => $"{n}=not-a-value")), tus: true));
        }
    }

    private static HttpRequestMessage Request(string method, string url, bool tus)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), url);

        // As a page's script would ask: an endpoint's errors are problem details whatever the caller
        // accepts; only a navigation (ErrorPagesAndHeadersTests) gets the error page.
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml");
        request.Headers.Add("Sec-Fetch-Mode", "cors");
        if (tus)
        {
            request.Headers.Add("Tus-Resumable", "1.0.0");
            request.Headers.Add("Upload-Offset", "0");
        }

        if (method is "POST" or "PATCH" or "PUT")
        {
            request.Content = new ByteArrayContent([1, 2, 3]);
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(method == "PATCH" ? "application/offset+octet-stream" : "application/x-www-form-urlencoded");
        }

        return request;
    }

    /// <summary>What is wrong with an error answer, or null when it is a documented problem.</summary>
    private static async Task<string?> ProblemOf(HttpResponseMessage response, string method, IReadOnlySet<string> documented)
    {
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return $"Content-Type {response.Content.Headers.ContentType?.MediaType ?? "(none)"}";
        }

        if (method == "HEAD")
        {
            return null; // a HEAD answer has no body to read
        }

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var type = json.RootElement.TryGetProperty("type", out var t) ? t.GetString() : null;
        var code = ProblemTypes.CodeOf(type);
        if (code is null || !documented.Contains(code))
        {
            return $"type {type ?? "(none)"} is not a documented stable type";
        }

        if (!json.RootElement.TryGetProperty("status", out var status) || status.GetInt32() != (int)response.StatusCode)
        {
            return "the body's status is not the response's";
        }

        return json.RootElement.TryGetProperty("code", out var named) && named.GetString() == code ? null : "the code extension does not match the type";
    }

    private static IEnumerable<RouteEndpoint> ApiEndpoints(PortalApplication app)
        => app.Get<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().Where(e => e.Metadata.GetMetadata<ApiEndpointMetadata>() is not null);

    private static IEnumerable<Assembly> PortalAssemblies()
        => new[] { typeof(Program), typeof(ProblemTypes), typeof(Portal.Documents.Startup), typeof(Portal.Admin.Startup), typeof(Portal.Notifications.Startup), typeof(Portal.Theme.Client.Startup), typeof(Portal.Audit.Startup) }
            .Select(t => t.Assembly).Distinct();

    /// <summary>The codes in docs/api.md's problem type tables (rows starting with a code in backticks).</summary>
    internal static IReadOnlySet<string> DocumentedCodes()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "docs", "api.md")))
        {
            directory = directory.Parent;
        }

        Assert.True(directory is not null, "docs/api.md was not found above the test's directory");
        var codes = DocumentedCode().Matches(File.ReadAllText(Path.Combine(directory.FullName, "docs", "api.md"))).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        Assert.True(codes.Count >= 30, $"only {codes.Count} problem codes in docs/api.md: its tables were not read");
        return codes;
    }

    [GeneratedRegex(@"\{([^}]+)\}")]
    private static partial Regex RouteParameter();

    [GeneratedRegex(@"^\| `([a-z0-9-]+)` \| (?:\d{3}|other) \|", RegexOptions.Multiline)]
    private static partial Regex DocumentedCode();
}
