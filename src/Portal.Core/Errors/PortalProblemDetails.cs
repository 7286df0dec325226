using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace Portal.Core.Errors;

public static class PortalProblemDetails
{
    /// <summary>
    /// ASP.NET Core's problem details service, with every problem it writes given a stable type:
    /// one a feature error set is kept, any other (the framework's RFC 9110 links, or none) is
    /// replaced by the portal's type for the status.
    /// </summary>
    public static IServiceCollection AddPortalProblemDetails(this IServiceCollection services)
        => services.AddProblemDetails(options => options.CustomizeProblemDetails = context => WithStableType(context.ProblemDetails, context.HttpContext));

    public static void WithStableType(ProblemDetails problem, HttpContext context)
    {
        if (ProblemTypes.CodeOf(problem.Type) is { } code)
        {
            problem.Extensions.TryAdd("code", code);
            return;
        }

        var status = problem.Status ?? context.Response.StatusCode;
        code = ProblemTypes.CodeForStatus(status);
        problem.Type = ProblemTypes.For(code);
        problem.Extensions["code"] = code;
    }
}
