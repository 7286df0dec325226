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

    /// <summary>
    /// A token bucket: <paramref name="permits"/> at once, refilled one by one over the window. Not a fixed
    /// window: measured, a 10,000-contact sync whose uploads went beside its batches made 2,100 calls in
    /// four minutes (under the budget on average) but 1,200 within one minute, and waited for the whole
    /// next window (a 60-second Retry-After); here the wait is until the next permit.
    /// </summary>
    private static PartitionedRateLimiter<HttpContext> PerPractice(int permits, TimeSpan window)
    {
        permits = Math.Max(1, permits);
        window = window > TimeSpan.Zero ? window : TimeSpan.FromMinutes(1);
        return PartitionedRateLimiter.Create<HttpContext, string>(context => context.GetTenant() is { } practice
            ? RateLimitPartition.GetTokenBucketLimiter(practice.Name, _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = permits,
                TokensPerPeriod = 1,
                ReplenishmentPeriod = TimeSpan.FromTicks(Math.Max(1, window.Ticks / permits)),
                AutoReplenishment = true,
                QueueLimit = 0,
            })
            : RateLimitPartition.GetNoLimiter(""));
    }
}
