using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using OpenIddict.Server;
using Portal.Core.Errors;
using Portal.Core.Tenancy;

namespace Portal.Sync.Services;

/// <summary>
/// ASP.NET Core's rate limiters, partitioned by practice: <see cref="Api"/> for /api/v1 (the rate-limiting
/// middleware, in the module's pipeline) and <see cref="Token"/> for the token endpoints, which OpenIddict
/// answers inside authentication, before any middleware of a module, so it is applied by this handler.
/// Over the limit: 429, Retry-After and the too-many-requests problem.
/// </summary>
internal sealed class SyncRateLimits : IOpenIddictServerHandler<OpenIddictServerEvents.ProcessRequestContext>, IDisposable
{
    private readonly PathString[] _limitedPaths;

    public SyncRateLimits(IOptions<SyncRateLimitOptions> options)
    {
        var settings = options.Value;
        Api = PerPractice(settings.ApiRequests, settings.Window);
        Token = PerPractice(settings.TokenRequests, settings.Window);
        _limitedPaths = ["/" + SyncServer.TokenPath, "/" + SyncServer.DeviceAuthorizationPath, "/" + SyncServer.RevocationPath];
    }

    public static OpenIddictServerHandlerDescriptor Descriptor { get; }
        = OpenIddictServerHandlerDescriptor.CreateBuilder<OpenIddictServerEvents.ProcessRequestContext>()
            .UseSingletonHandler<SyncRateLimits>()
            .SetOrder(int.MinValue + 60_000)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public PartitionedRateLimiter<HttpContext> Api { get; }

    public PartitionedRateLimiter<HttpContext> Token { get; }

    public async ValueTask HandleAsync(OpenIddictServerEvents.ProcessRequestContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Transaction.GetHttpRequest() is not { } request || request.HttpContext.GetTenant() is null
            || !_limitedPaths.Any(p => request.Path.Equals(p, StringComparison.OrdinalIgnoreCase)))
        {
            return;
        }

        using var lease = Token.AttemptAcquire(request.HttpContext);
        if (!lease.IsAcquired)
        {
            await RejectAsync(request.HttpContext, lease);
            context.HandleRequest();
        }
    }

    public static async ValueTask RejectAsync(HttpContext context, RateLimitLease lease)
    {
        var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await TypedResults.Problem(
            detail: $"This practice has made too many requests to the portal's sync service; try again in {seconds} seconds.",
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "Too many requests",
            type: ProblemTypes.For(ProblemTypes.TooManyRequests)).ExecuteAsync(context);
    }

    public void Dispose()
    {
        Api.Dispose();
        Token.Dispose();
    }

    private static PartitionedRateLimiter<HttpContext> PerPractice(int permits, TimeSpan window)
        => PartitionedRateLimiter.Create<HttpContext, string>(context => context.GetTenant() is { } practice
            ? RateLimitPartition.GetFixedWindowLimiter(practice.Name, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = Math.Max(1, permits),
                Window = window > TimeSpan.Zero ? window : TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            })
            : RateLimitPartition.GetNoLimiter(""));
}
