using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.Routing;
using Microsoft.AspNetCore.Routing;
using Portal.Core.Contracts;
using Portal.Identity.Models;

namespace Portal.Identity.Services;

/// <summary>Identity's side of <see cref="IMailboxLinkSignIn"/>: the same sign-in and record as a password sign-in, for client users with a password only.</summary>
internal sealed class MailboxLinkSignIn(
    UserManager<PortalUser> users,
    SignInManager<PortalUser> signIn,
    SignInFlow flow,
    IUrlHelperFactory urlHelpers) : IMailboxLinkSignIn
{
    public async Task<MailboxLinkOutcome> SignInAsync(HttpContext httpContext, Guid userId, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null
            || user.Kind != UserKind.Client
            || user.TwoFactorEnabled
            || user.MustChangePassword
            || !await signIn.CanSignInAsync(user)
            || await users.IsLockedOutAsync(user))
        {
            return MailboxLinkOutcome.SignInRequired;
        }

        await signIn.SignInAsync(user, isPersistent: false);
        var url = urlHelpers.GetUrlHelper(new ActionContext(httpContext, httpContext.GetRouteData(), new ActionDescriptor()));
        await flow.CompleteAsync(httpContext, user, null, url, usedSecondFactor: false);
        return MailboxLinkOutcome.SignedIn;
    }
}
