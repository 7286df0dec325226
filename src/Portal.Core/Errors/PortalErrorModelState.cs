using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Portal.Core.Errors;

/// <summary>
/// The one mapping from a feature's <see cref="PortalError"/> to a page: the message at the input
/// it is about (<c>{prefix}.{Field}</c>, as the page's tag helpers name it), or at the top of the
/// form (the model-level key) when it is about no field.
/// </summary>
public static class PortalErrorModelState
{
    public static void AddPortalError(this ModelStateDictionary modelState, PortalError error, string prefix = "Input")
    {
        var key = error.Field switch
        {
            null or "" => string.Empty,
            _ when prefix.Length == 0 => error.Field,
            _ => $"{prefix}.{error.Field}",
        };
        modelState.AddModelError(key, error.Message);
    }
}
