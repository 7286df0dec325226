using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;
using Portal.Core.Data;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Portal.Sync.Services;

/// <summary>
/// Registers the portal-sync client in the practice's application store: at set-up for a new practice,
/// and once for every existing practice when this upgrade first runs (v2: the device flow). Idempotent: an existing
/// registration is brought to the current descriptor.
/// </summary>
internal sealed class PortalSyncClientRegistration : IPracticeUpgrade
{
    public string Id => "sync.portal-sync-client.v2";

    public static OpenIddictApplicationDescriptor Descriptor()
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = SyncClient.ClientId,
            ClientType = ClientTypes.Public,
            ApplicationType = ApplicationTypes.Native,
            ConsentType = ConsentTypes.Explicit,
            DisplayName = SyncClient.DisplayName,
            RedirectUris = { new Uri(SyncClient.RedirectUri) },
            Permissions =
            {
                OpenIddictConstants.Permissions.Endpoints.Authorization,
                OpenIddictConstants.Permissions.Endpoints.Token,
                OpenIddictConstants.Permissions.Endpoints.Revocation,
                OpenIddictConstants.Permissions.Endpoints.DeviceAuthorization,
                OpenIddictConstants.Permissions.GrantTypes.AuthorizationCode,
                OpenIddictConstants.Permissions.GrantTypes.RefreshToken,
                OpenIddictConstants.Permissions.GrantTypes.DeviceCode,
                OpenIddictConstants.Permissions.ResponseTypes.Code,
                OpenIddictConstants.Permissions.Prefixes.Scope + SyncScopes.Sync,
                OpenIddictConstants.Permissions.Prefixes.Scope + SyncScopes.OfflineAccess,
            },
            Requirements = { OpenIddictConstants.Requirements.Features.ProofKeyForCodeExchange },
        };
        return descriptor;
    }

    public async Task RunAsync(IServiceProvider practiceServices, CancellationToken cancellationToken)
    {
        var applications = practiceServices.GetRequiredService<IOpenIddictApplicationManager>();
        var existing = await applications.FindByClientIdAsync(SyncClient.ClientId, cancellationToken);
        if (existing is null)
        {
            await applications.CreateAsync(Descriptor(), cancellationToken);
        }
        else
        {
            await applications.UpdateAsync(existing, Descriptor(), cancellationToken);
        }
    }
}
