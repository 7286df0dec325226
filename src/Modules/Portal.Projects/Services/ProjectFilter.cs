using System.Globalization;

namespace Portal.Projects.Services;

/// <summary>The staff list's filters: a status, a client; none means every project.</summary>
public sealed record ProjectFilter(Guid? StatusId = null, Guid? ClientId = null)
{
    public bool IsEmpty => StatusId is null && ClientId is null;

    public string ToQueryString()
        => string.Join('&', new[]
        {
            StatusId is { } status ? string.Create(CultureInfo.InvariantCulture, $"status={status}") : null,
            ClientId is { } client ? string.Create(CultureInfo.InvariantCulture, $"client={client}") : null,
        }.OfType<string>());
}
