using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Matching;
using Portal.Core.Tenancy;

namespace Portal.Core.Modules;

/// <summary>
/// Routing filter that makes an endpoint invisible (so the request ends in a 404) when it belongs to
/// the other kind of site (host vs practice) or to a feature the practice has switched off: every
/// feature it names (its module's, and any it also needs, such as the sync API's invoices needing
/// Billing). Because it runs during matching, a host page and a practice page may share a path such as /admin.
/// </summary>
public sealed class SiteEndpointSelectorPolicy : MatcherPolicy, IEndpointSelectorPolicy
{
    public override int Order => 1000;

    public bool AppliesToEndpoints(IReadOnlyList<Endpoint> endpoints)
    {
        foreach (var endpoint in endpoints)
        {
            var metadata = endpoint.Metadata;
            if (metadata.GetMetadata<TenantOnlyMetadata>() is not null
                || metadata.GetMetadata<HostOnlyMetadata>() is not null
                || metadata.GetMetadata<FeatureMetadata>() is not null)
            {
                return true;
            }
        }

        return false;
    }

    public Task ApplyAsync(HttpContext httpContext, CandidateSet candidates)
    {
        var tenant = httpContext.GetTenant();
        for (var i = 0; i < candidates.Count; i++)
        {
            if (!candidates.IsValidCandidate(i))
            {
                continue;
            }

            if (!IsAvailable(candidates[i].Endpoint, tenant))
            {
                candidates.SetValidity(i, false);
            }
        }

        return Task.CompletedTask;
    }

    public static bool IsAvailable(Endpoint endpoint, TenantDescriptor? tenant)
    {
        var metadata = endpoint.Metadata;
        if (tenant is null)
        {
            return metadata.GetMetadata<TenantOnlyMetadata>() is null && metadata.GetMetadata<FeatureMetadata>() is null;
        }

        if (metadata.GetMetadata<HostOnlyMetadata>() is not null)
        {
            return false;
        }

        foreach (var feature in metadata.GetOrderedMetadata<FeatureMetadata>())
        {
            if (!tenant.IsFeatureEnabled(feature.FeatureId))
            {
                return false;
            }
        }

        return true;
    }
}
