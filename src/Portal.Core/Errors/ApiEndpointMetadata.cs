namespace Portal.Core.Errors;

/// <summary>
/// Marks an endpoint as part of the API surface: its errors answer problem details (even those the
/// framework produces, through the error page) and it is described in the OpenAPI document.
/// Added to an area's route group by <see cref="ApiEndpointConventions.AsApiArea{TBuilder}"/>.
/// </summary>
public sealed class ApiEndpointMetadata
{
    public static readonly ApiEndpointMetadata Instance = new();

    private ApiEndpointMetadata()
    {
    }
}
