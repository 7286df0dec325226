using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Portal.Core.Errors;

public static class ApiEndpointConventions
{
    /// <summary>
    /// Makes a route group an area of the API surface: marked (<see cref="ApiEndpointMetadata"/>),
    /// tagged for the OpenAPI document, and declared to answer problem details on error.
    /// </summary>
    public static TBuilder AsApiArea<TBuilder>(this TBuilder builder, string tag)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.WithMetadata(ApiEndpointMetadata.Instance);
        builder.WithTags(tag);
        builder.ProducesProblem(StatusCodes.Status404NotFound);
        builder.ProducesProblem(StatusCodes.Status500InternalServerError);
        return builder;
    }
}
