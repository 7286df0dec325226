using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Portal.Core.Data;
using Portal.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Portal.Tests.Web;

/// <summary>
/// Every form on every page, submitted empty, and every page sent a POST for a handler it does not
/// have. Generated from the endpoint table (<see cref="PageSweep"/>), so a new page is covered the day
/// it is added: nothing may answer 500, and a form that comes back says what is wrong.
/// </summary>
public sealed class FormSweepTests(SharedApps apps, ITestOutputHelper output) : IClassFixture<SharedApps>
{
    [Theory, BothDatabases]
    public async Task Every_form_submitted_empty_answers_with_messages_and_never_500(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var sweep = await PageSweep.CreateAsync(app);
        var failures = new List<string>();
        var posted = new HashSet<string>(StringComparer.Ordinal);
        var visited = 0;
        var redirects = 0;
        foreach (var page in sweep.Pages())
        {
            var (browser, path, document, problem) = await sweep.OpenAsync(page);
            if (problem is not null)
            {
                failures.Add($"{page}: {problem}");
                continue;
            }

            if (document is null)
            {
                continue;
            }

            visited++;
            foreach (var form in document.QuerySelectorAll<IHtmlFormElement>("form").Where(f => f.Method.Equals("post", StringComparison.OrdinalIgnoreCase)))
            {
                var action = form.GetAttribute("action") is { Length: > 0 } a ? a : path;
                if (!posted.Add($"{page.OnHost}|{page.Visitor}|{action}"))
                {
                    continue;
                }

                using var response = await browser.PostAsync(Target(browser, action), EmptyFields(form));
                var status = (int)response.StatusCode;
                var body = await response.Content.ReadAsStringAsync();
                if (status >= 500)
                {
                    failures.Add($"{page}: empty POST {action} answered {status}");
                }
                else if (status is 200 or 400 or 409 or 422 && IsHtml(response) && !SaysWhatIsWrong(body))
                {
                    failures.Add($"{page}: empty POST {action} answered {status} without a message");
                }
                else if (status is 302 or 303 && await LandingAsync(browser, response) is { } landing)
                {
                    // A form that did something (an empty form may: "mark all read", "remove the logo")
                    // lands on a page that says what happened: consistent feedback after every action.
                    redirects++;
                    if (!SaysWhatIsWrong(landing.Html) && !LeadsToWhatWasAskedFor(action))
                    {
                        failures.Add($"{page}: empty POST {action} went on to {landing.Path} without saying what happened");
                    }
                }
            }
        }

        output.WriteLine($"{provider}: {visited} pages opened, {posted.Count} forms posted empty, {redirects} went on to another page");
        Assert.True(visited > 35, $"only {visited} pages were opened: the endpoint table was not read");
        Assert.True(posted.Count > 40, $"only {posted.Count} forms were posted: the pages were not read");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Theory, BothDatabases]
    public async Task A_post_for_a_missing_or_unknown_handler_answers_4xx_on_every_page(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var sweep = await PageSweep.CreateAsync(app);
        var failures = new List<string>();
        var cases = 0;
        foreach (var page in sweep.Pages())
        {
            var (browser, path, document, problem) = await sweep.OpenAsync(page);
            if (problem is not null)
            {
                failures.Add($"{page}: {problem}");
                continue;
            }

            // A page without a form has no token to send: its probes are refused by antiforgery, which must be a 4xx too.
            var token = document?.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")?.Value ?? "";
            foreach (var probe in new[] { "handler=NoSuchHandler", "handler=" + Uri.EscapeDataString("é<script>") })
            {
                cases++;
                var separator = path.Contains('?', StringComparison.Ordinal) ? "&" : "?";
                using var response = await browser.PostAsync(HtmlForms.Relative(path + separator + probe), new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
                if ((int)response.StatusCode is < 400 or >= 500)
                {
                    failures.Add($"{page}: POST ?{probe} answered {(int)response.StatusCode}");
                }
            }

            cases++;
            using var bare = await browser.PostAsync(HtmlForms.Relative(path), new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
            if ((int)bare.StatusCode >= 500)
            {
                failures.Add($"{page}: POST without a handler answered {(int)bare.StatusCode}");
            }
        }

        output.WriteLine($"{provider}: {cases} handler probes");
        Assert.True(cases > 60, $"only {cases} probes: the pages were not read");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    /// <summary>What a browser sends for the form with nothing filled in: hidden fields (antiforgery, ids) kept, everything typed or chosen left empty.</summary>
    private static FormUrlEncodedContent EmptyFields(IHtmlFormElement form)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement { Type: "hidden" } hidden when hidden.Name is { Length: > 0 }:
                    fields.Add(new(hidden.Name, hidden.Value));
                    break;
                case IHtmlInputElement { Type: "checkbox" or "radio" or "submit" or "button" or "file" or "image" or "reset" }:
                    break;
                case IHtmlInputElement input when input.Name is { Length: > 0 }:
                    fields.Add(new(input.Name, ""));
                    break;
                case IHtmlTextAreaElement text when text.Name is { Length: > 0 }:
                    fields.Add(new(text.Name, ""));
                    break;
                case IHtmlSelectElement select when select.Name is { Length: > 0 }:
                    fields.Add(new(select.Name, ""));
                    break;
            }
        }

        // The button a person would press, when it carries a value.
        if (form.QuerySelector<IHtmlButtonElement>("button[type=submit][name], button:not([type])[name]") is { } button)
        {
            fields.Add(new(button.Name!, button.Value));
        }

        return new FormUrlEncodedContent(fields);
    }

    private static string Target(HttpClient browser, string action)
    {
        var basePath = browser.BaseAddress!.AbsolutePath;
        return action.StartsWith(basePath, StringComparison.OrdinalIgnoreCase) ? action[basePath.Length..] : action.TrimStart('/');
    }

    /// <summary>
    /// Forms that only take a person somewhere, where the page itself is the answer: a project's "message
    /// us about this" opens (or starts) its conversation, and an e-mailed link to a request, once
    /// confirmed, opens the request.
    /// </summary>
    private static bool LeadsToWhatWasAskedFor(string action)
        => action.Contains("handler=Thread", StringComparison.Ordinal) && action.Contains("/projects/", StringComparison.Ordinal)
            || action.Contains("/tasks/link", StringComparison.Ordinal);

    /// <summary>
    /// The page a redirect leads to on the same site, as the browser shows it next; null when it leads
    /// elsewhere (Stripe, a file) or to the sign-in or access-denied pages (the form was refused, not done).
    /// </summary>
    private static async Task<(string Path, string Html)?> LandingAsync(HttpClient browser, HttpResponseMessage response)
    {
        if (response.Headers.Location is not { } location)
        {
            return null;
        }

        var target = new Uri(response.RequestMessage!.RequestUri!, location);
        if (!string.Equals(target.Authority, browser.BaseAddress!.Authority, StringComparison.OrdinalIgnoreCase)
            || target.AbsolutePath.Contains("/account/signin", StringComparison.OrdinalIgnoreCase)
            || target.AbsolutePath.Contains("/account/access-denied", StringComparison.OrdinalIgnoreCase)
            || target.AbsolutePath.Contains("/admin/signin", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        using var landing = await browser.GetAsync(target);
        return landing.IsSuccessStatusCode && IsHtml(landing) ? (target.PathAndQuery, await landing.Content.ReadAsStringAsync()) : null;
    }

    private static bool IsHtml(HttpResponseMessage response) => response.Content.Headers.ContentType?.MediaType == "text/html";

    private static bool SaysWhatIsWrong(string html)
    {
        var document = HtmlForms.Parse(html);
        return document.QuerySelectorAll("[role=alert], [role=status], .alert, .field-error, .validation-summary-errors, .error-page")
            .Any(e => !string.IsNullOrWhiteSpace(e.TextContent));
    }
}
