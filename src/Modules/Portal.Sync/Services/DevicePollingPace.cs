using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using Portal.Sync.Data;
using Portal.Sync.Models;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Portal.Sync.Services;

/// <summary>
/// RFC 8628 s3.5: a machine that polls with its device code sooner than its interval after the last poll
/// is told slow_down, and its interval grows by 5 seconds for the rest of the code's life. Runs before
/// OpenIddict reads the code, so a fast poll is answered the same whatever the code's state.
/// </summary>
internal sealed class DevicePollingPace(SyncDbContext db, TimeProvider clock) : IOpenIddictServerHandler<OpenIddictServerEvents.ValidateTokenRequestContext>
{
    public const int IntervalSeconds = 5;

    public static OpenIddictServerHandlerDescriptor Descriptor { get; }
        = OpenIddictServerHandlerDescriptor.CreateBuilder<OpenIddictServerEvents.ValidateTokenRequestContext>()
            .UseScopedHandler<DevicePollingPace>()
            .SetOrder(int.MinValue + 50_000)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(OpenIddictServerEvents.ValidateTokenRequestContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Request.IsDeviceCodeGrantType() || string.IsNullOrEmpty(context.Request.DeviceCode))
        {
            return;
        }

        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(context.Request.DeviceCode)));
        var now = clock.GetUtcNow().UtcDateTime;
        var poll = await db.DevicePolls.SingleOrDefaultAsync(p => p.DeviceCodeHash == key, context.CancellationToken);
        if (poll is null)
        {
            db.DevicePolls.Add(new SyncDevicePoll { DeviceCodeHash = key, LastPolledAt = now, IntervalSeconds = IntervalSeconds });
        }
        else if (now - poll.LastPolledAt < TimeSpan.FromSeconds(poll.IntervalSeconds))
        {
            poll.IntervalSeconds += IntervalSeconds;
            poll.LastPolledAt = now;
            await SaveAsync(context);
            context.Reject(Errors.SlowDown, $"Poll at most every {poll.IntervalSeconds} seconds.");
            return;
        }
        else
        {
            poll.LastPolledAt = now;
        }

        if (!await SaveAsync(context))
        {
            context.Reject(Errors.SlowDown, "Poll one request at a time.");
        }
    }

    /// <returns>False when another poll of the same code was written at the same moment.</returns>
    private async Task<bool> SaveAsync(OpenIddictServerEvents.ValidateTokenRequestContext context)
    {
        try
        {
            await db.SaveChangesAsync(context.CancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
