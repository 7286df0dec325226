using Portal.Core.Errors;
using Portal.Core.Modules;

namespace Portal.Web.Endpoints;

/// <summary>
/// The OpenAPI document of the API surface: every endpoint in an API area
/// (<see cref="ApiEndpointMetadata"/>), none of the Razor pages. Served on the platform's own site,
/// anonymously (it describes routes, not data); its paths are relative to a practice's address.
/// </summary>
internal static class ApiDocument
{
    public const string Name = "v1";
    public const string Route = "/openapi/{documentName}.json";

    public static IServiceCollection AddApiDocument(this IServiceCollection services)
        => services.AddOpenApi(Name, options =>
        {
            options.ShouldInclude = description => description.ActionDescriptor.EndpointMetadata.OfType<ApiEndpointMetadata>().Any();
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "Portal API";
                document.Info.Description = "Endpoints of a practice's portal, relative to its address (https://{practice host}/ or https://{platform host}/t/{practice}/). "
                    + "Errors answer application/problem+json (RFC 9457) with a stable type, " + ProblemTypes.BaseUri + "{code}; see docs/api.md.";
                return Task.CompletedTask;
            });
        });

    public static IEndpointConventionBuilder MapApiDocument(this IEndpointRouteBuilder endpoints)
        => endpoints.MapOpenApi(Route).WithMetadata(HostOnlyMetadata.Instance).AllowAnonymous();
}
