using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Billing.Payments;
using Portal.Core.Errors;
using Portal.Core.Navigation;
using Portal.Web.Payments;

namespace Portal.Web.Pages.HostAdmin;

/// <summary>
/// The platform's Stripe keys (issue 11, Connect): set, replaced or cleared by a platform operator. Values go
/// in and never come back out: the page shows whether a key is set and its last four characters at most.
/// </summary>
public sealed class StripeKeysModel(PlatformStripeKeyStore store, StripeGateway stripe) : PageModel
{
    [BindProperty]
    public KeyInput Input { get; set; } = new();

    public IReadOnlyList<PlatformStripeKeyStatus> Keys { get; private set; } = [];

    public bool PaymentsConfigured => stripe.IsConfigured;

    public bool TestMode => stripe.TestMode;

    public bool EmulatorEnabled => stripe.CurrentOptions.Emulator.Enabled;

    public async Task OnGetAsync() => Keys = await store.StatusAsync(HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostReplaceAsync()
    {
        ModelState.Clear();
        var key = Input.Key;
        var problem = key is { } known && Enum.IsDefined(known)
            ? await store.SetAsync(known, Input.Value, OperatorId(), HttpContext.RequestAborted)
            : new PortalError("stripe-key-unknown", ErrorKind.Invalid, "Choose which key to replace.");
        Input.Value = null;
        if (problem is null)
        {
            TempData[TempDataKeys.Status] = $"{Label(key!.Value)} saved.";
            return RedirectToPage("/HostAdmin/StripeKeys");
        }

        ModelState.AddPortalError(problem);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        Keys = await store.StatusAsync(HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostClearAsync()
    {
        ModelState.Clear();
        if (Input.Key is not { } key || !Enum.IsDefined(key))
        {
            ModelState.AddPortalError(new PortalError("stripe-key-unknown", ErrorKind.Invalid, "Choose which key to clear."));
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            Keys = await store.StatusAsync(HttpContext.RequestAborted);
            return Page();
        }

        await store.ClearAsync(key, OperatorId(), HttpContext.RequestAborted);
        TempData[TempDataKeys.Status] = $"{Label(key)} cleared.";
        return RedirectToPage("/HostAdmin/StripeKeys");
    }

    public static string Label(PlatformStripeKey key) => key switch
    {
        PlatformStripeKey.SecretKey => "Secret key",
        PlatformStripeKey.PublishableKey => "Publishable key",
        _ => "Webhook signing secret",
    };

    public static string Hint(PlatformStripeKey key) => key switch
    {
        PlatformStripeKey.SecretKey => "sk_test_… or sk_live_…",
        PlatformStripeKey.PublishableKey => "pk_test_… or pk_live_…",
        _ => "whsec_…",
    };

    public static string Updated(DateTime? at) => at?.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) ?? "";

    private Guid? OperatorId() => Guid.TryParse(User.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public sealed class KeyInput
    {
        public PlatformStripeKey? Key { get; set; }

        public string? Value { get; set; }
    }
}
