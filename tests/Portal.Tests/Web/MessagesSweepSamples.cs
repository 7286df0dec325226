using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Tenancy;
using Portal.Messages.Models;
using Portal.Messages.Services;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Web;

/// <summary>A sample conversation for <see cref="PageSweep"/>'s message routes, started by the client user.</summary>
internal static class MessagesSweepSamples
{
    public static Task<Guid> ThreadAsync(PortalApplication app, TenantDescriptor practice, Guid clientId, Guid clientUserId)
        => app.InPracticeAsync(practice, async sp =>
        {
            var thread = new MessageThread { ClientId = clientId, Kind = MessageThreadKind.General, Subject = "Sweep sample", StartedByUserId = clientUserId };
            var result = await sp.GetRequiredService<MessagePosting>().StartAsync(thread, new MessageAuthor(clientUserId, "Sweep client", FromClient: true), "Sweep sample message", []);
            return result.Succeeded ? result.ThreadId : throw new InvalidOperationException(result.Error!.Message);
        });
}
