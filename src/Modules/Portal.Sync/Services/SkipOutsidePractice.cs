using Microsoft.AspNetCore;
using OpenIddict.Server;
using Portal.Core.Tenancy;

namespace Portal.Sync.Services;

/// <summary>
/// The authorization server exists only inside a practice: on the platform's own site its paths are
/// left to routing (a 404), and no practice store is ever touched without a practice.
/// </summary>
internal sealed class SkipOutsidePractice : IOpenIddictServerHandler<OpenIddictServerEvents.ProcessRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; }
        = OpenIddictServerHandlerDescriptor.CreateBuilder<OpenIddictServerEvents.ProcessRequestContext>()
            .UseSingletonHandler<SkipOutsidePractice>()
            .SetOrder(int.MinValue + 50_000)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(OpenIddictServerEvents.ProcessRequestContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Transaction.GetHttpRequest()?.HttpContext.GetTenant() is null)
        {
            context.SkipRequest();
        }

        return ValueTask.CompletedTask;
    }
}
