using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Portal.Core.Security;

namespace Portal.Tests.Core.Security;

public sealed class RequestActorTests
{
    [Fact]
    public void Outside_a_request_the_actor_is_the_system()
        => Assert.Same(Actor.System, new RequestActor(new HttpContextAccessor()).Actor);

    [Fact]
    public void In_a_request_the_actor_is_who_is_signed_in_or_an_anonymous_visitor_with_their_address()
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse("203.0.113.7");
        var accessor = new HttpContextAccessor { HttpContext = context };
        Assert.Equal(new Actor(ActorKind.Anonymous, null, null, "203.0.113.7"), new RequestActor(accessor).Actor);

        var id = Guid.CreateVersion7();
        context.User = new ClaimsPrincipal(new ClaimsIdentity(
            [new(ClaimTypes.NameIdentifier, id.ToString()), new(ClaimTypes.Email, "jordan@lee.example"), new(PortalPrincipal.KindClaim, PortalPrincipal.ClientKind)],
            authenticationType: "test"));
        Assert.Equal(new Actor(ActorKind.PortalUser, id, "jordan@lee.example", "203.0.113.7"), new RequestActor(accessor).Actor);
    }
}
