using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Portal.Core.Errors;

public static class ApiEndpointConventions
{
    /// <summary>
    /// Makes a route group an area of the API surface: marked (<see cref="ApiEndpointMetadata"/>),
    /// tagged for the OpenAPI document, and declared to answer problem details on error (the error
    /// page to a browser navigation, see <see cref="BrowserNavigation"/>).
    /// </summary>
    public static TBuilder AsApiArea<TBuilder>(this TBuilder builder, string tag)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.WithMetadata(ApiEndpointMetadata.Instance);
        builder.WithTags(tag);
        builder.ProducesProblem(StatusCodes.Status404NotFound);
        builder.ProducesProblem(StatusCodes.Status500InternalServerError);

        // A person who followed a link (a download gone since) gets the error page, not JSON: the
        // status alone goes back, and the status-code page renders it for them.
        builder.AddEndpointFilter(async (context, next) =>
        {
            var result = await next(context);
            var inner = result is INestedHttpResult nested ? nested.Result : result;
            return inner is IStatusCodeHttpResult { StatusCode: int status and >= 400 } && BrowserNavigation.IsNavigation(context.HttpContext.Request)
                ? TypedResults.StatusCode(status)
                : result;
        });
        return builder;
    }
}
