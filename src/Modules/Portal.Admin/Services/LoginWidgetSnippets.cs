using System.Text.Encodings.Web;
using Portal.Core.Theming;

namespace Portal.Admin.Services;

/// <summary>
/// The HTML a web designer pastes into the practice's website: a sign-in form that posts to the
/// portal as a top-level navigation (no frame, no script, so third-party cookie blocking does not
/// matter), styled inline in the practice's colors since it must look right on a site whose
/// stylesheets the portal does not know; and a plain "Client sign-in" button. Colors come from the
/// validated branding, names and addresses are HTML-encoded.
/// </summary>
internal static class LoginWidgetSnippets
{
    private const string Font = "font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif";

    public static string Form(string practiceName, BrandingSettings branding, string actionUrl)
    {
        var html = HtmlEncoder.Default;
        var primary = branding.Primary;
        var onPrimary = BrandColor.ContrastText(primary);
        const string label = "display:block;margin:0 0 4px;font-size:14px;font-weight:600;color:#1b1f24";
        const string input = "display:block;box-sizing:border-box;width:100%;margin:0 0 12px;padding:8px 10px;font-size:16px;color:#1b1f24;background:#ffffff;border:1px solid #6e7781;border-radius:6px";
        return $"""
            <!-- {html.Encode(practiceName)}: client sign-in. Paste as is; the portal accepts it only on the websites listed in its settings. -->
            <form method="post" action="{html.Encode(actionUrl)}" style="box-sizing:border-box;max-width:340px;margin:0;padding:20px;background:#ffffff;border:1px solid #d0d7de;border-top:4px solid {primary};border-radius:8px;{Font}">
              <p style="margin:0 0 14px;font-size:18px;font-weight:700;color:#1b1f24">Client sign-in</p>
              <label for="portal-widget-email" style="{label}">E-mail address</label>
              <input id="portal-widget-email" name="email" type="email" autocomplete="username" required style="{input}">
              <label for="portal-widget-password" style="{label}">Password</label>
              <input id="portal-widget-password" name="password" type="password" autocomplete="current-password" required style="{input}">
              <button type="submit" style="display:block;width:100%;padding:10px 14px;font-size:16px;font-weight:600;color:{onPrimary};background:{primary};border:0;border-radius:6px;cursor:pointer">Sign in to {html.Encode(practiceName)}</button>
            </form>
            """;
    }

    public static string Button(string practiceName, BrandingSettings branding, string signInUrl)
    {
        var html = HtmlEncoder.Default;
        var primary = branding.Primary;
        return $"""
            <!-- {html.Encode(practiceName)}: client sign-in button. -->
            <a href="{html.Encode(signInUrl)}" style="display:inline-block;padding:10px 18px;font-size:16px;font-weight:600;text-decoration:none;color:{BrandColor.ContrastText(primary)};background:{primary};border-radius:6px;{Font}">Client sign-in</a>
            """;
    }
}
