using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Security;
using Portal.Core.Settings;

namespace Portal.Core.Theming;

/// <summary>
/// Puts a client page behind one of the practice's <see cref="ClientSiteSwitches"/>: while the switch is
/// off, a signed-in client gets 404 (as if the page did not exist), before any handler runs, so nothing
/// is written. Staff are not limited by it (the client pages send them to the admin anyway).
/// With <see cref="PostsOnly"/> the page can still be read, and only what it writes is refused.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class ClientSwitchAttribute(ClientSiteSwitch which) : Attribute, IAsyncPageFilter
{
    public ClientSiteSwitch Switch => which;

    /// <summary>Only requests that write (anything but GET and HEAD) are refused while the switch is off.</summary>
    public bool PostsOnly { get; init; }

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        var reads = HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method);
        if (!http.User.IsStaffUser() && !(PostsOnly && reads))
        {
            var switches = await http.RequestServices.GetRequiredService<SiteSettingsStore>().GetAsync<ClientSiteSwitches>(http.RequestAborted);
            if (!switches.IsOn(which))
            {
                context.Result = new NotFoundResult();
                return;
            }
        }

        await next();
    }
}
