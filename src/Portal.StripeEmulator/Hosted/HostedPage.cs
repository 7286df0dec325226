using System.Text.Encodings.Web;

namespace Portal.StripeEmulator.Hosted;

/// <summary>The frame of the emulator's hosted pages: plain HTML, no script, "Test mode" always shown.</summary>
internal static class HostedPage
{
    public static string Encode(string? text) => HtmlEncoder.Default.Encode(text ?? string.Empty);

    /// <summary>A post that is not a submitted HTML form (a script sending JSON): a 400, never a failure.</summary>
    public static IResult NotAForm()
        => Html("Not a form", "<p>This page takes the fields of its HTML form only.</p>", StatusCodes.Status400BadRequest);

    public static IResult Html(string title, string body, int status = StatusCodes.Status200OK)
    {
        var html = $$"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{Encode(title)}} - Stripe emulator (test mode)</title>
            <style>
            body { font-family: system-ui, sans-serif; max-width: 34rem; margin: 2rem auto; padding: 0 1rem; color: #1a1f36; }
            .test-mode { background: #ffde92; color: #5c3b00; font-weight: 700; padding: .4rem .8rem; border-radius: .3rem; display: inline-block; }
            label { display: block; margin-top: .8rem; font-weight: 600; }
            input[type=text], input[type=email] { width: 100%; padding: .5rem; box-sizing: border-box; font-size: 1rem; }
            .error { color: #b3093c; font-weight: 600; }
            table { width: 100%; border-collapse: collapse; } td { padding: .3rem 0; } td.amount { text-align: right; }
            tr.total td { border-top: 1px solid #ccc; font-weight: 700; }
            button { margin-top: 1rem; padding: .6rem 1.2rem; font-size: 1rem; }
            fieldset { margin-top: 1rem; }
            </style>
            </head>
            <body>
            <p class="test-mode" role="status">Test mode</p>
            <main>
            <h1>{{Encode(title)}}</h1>
            {{body}}
            </main>
            <p><small>This is the portal's Stripe emulator: no real payment is made and no card is charged.</small></p>
            </body>
            </html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", statusCode: status);
    }
}
