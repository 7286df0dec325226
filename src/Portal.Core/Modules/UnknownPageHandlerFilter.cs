using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Portal.Core.Modules;

/// <summary>
/// A request no handler of the page answers (a POST to a page that only has named handlers, or
/// <c>?handler=x</c> for a handler it does not have) would otherwise render the page without running
/// any handler, with its model never loaded: a 500 in the log for every scanner probe; and an unknown
/// name on a page with an unnamed handler would quietly run that one instead. It answers 404 for a
/// handler name the page does not have and 405 when the page takes no request of that method.
/// </summary>
public sealed class UnknownPageHandlerFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var request = context.HttpContext.Request;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            var requested = context.RouteData.Values["handler"] as string ?? request.Query["handler"].FirstOrDefault();
            if (context.HandlerMethod is null)
            {
                context.Result = new StatusCodeResult(string.IsNullOrEmpty(requested) ? StatusCodes.Status405MethodNotAllowed : StatusCodes.Status404NotFound);
                return;
            }

            if (!string.IsNullOrEmpty(requested) && !string.Equals(context.HandlerMethod.Name, requested, StringComparison.OrdinalIgnoreCase))
            {
                context.Result = new NotFoundResult();
                return;
            }
        }

        await next();
    }
}
