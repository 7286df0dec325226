using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Portal.Tests.Infrastructure;

/// <summary>Reads pages and submits their forms like a browser (hidden fields and antiforgery token included).</summary>
public static class HtmlForms
{
    private static readonly HtmlParser Parser = new();

    public static async Task<IHtmlDocument> GetDocumentAsync(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(Relative(path));
        var html = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}.");
        }

        return Parser.ParseDocument(html);
    }

    public static IHtmlDocument Parse(string html) => Parser.ParseDocument(html);

    /// <summary>
    /// Loads <paramref name="pagePath"/>, picks the form (the first one with a submit button, or the one
    /// matching <paramref name="formSelector"/>), overlays <paramref name="values"/> and posts it.
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitFormAsync(this HttpClient client, string pagePath, Dictionary<string, string> values, string? formSelector = null)
    {
        var document = await client.GetDocumentAsync(pagePath);
        var form = (formSelector is null
            ? document.QuerySelectorAll<IHtmlFormElement>("main form").FirstOrDefault() ?? document.Forms.FirstOrDefault()
            : document.QuerySelector<IHtmlFormElement>(formSelector))
            ?? throw new InvalidOperationException($"No form on {pagePath}.");
        return await client.PostFormAsync(form, values, pagePath);
    }

    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, IHtmlFormElement form, Dictionary<string, string> values, string pagePath)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var input in form.Elements.OfType<IHtmlInputElement>())
        {
            if (string.IsNullOrEmpty(input.Name) || values.ContainsKey(input.Name) || input.Type is "submit" or "button")
            {
                continue;
            }

            if (input.Type is "checkbox" or "radio" && !input.IsChecked)
            {
                continue;
            }

            fields.Add(new(input.Name, input.Value));
        }

        foreach (var select in form.Elements.OfType<IHtmlSelectElement>())
        {
            if (!string.IsNullOrEmpty(select.Name) && !values.ContainsKey(select.Name))
            {
                fields.Add(new(select.Name, select.Value ?? ""));
            }
        }

        fields.AddRange(values);
        var action = form.GetAttribute("action");
        var target = string.IsNullOrEmpty(action) ? Relative(pagePath) : ActionPath(client, action);
        return await client.PostAsync(target, new FormUrlEncodedContent(fields));
    }

    /// <summary>The antiforgery token of a page, for posting to endpoints directly.</summary>
    public static async Task<string> AntiforgeryTokenAsync(this HttpClient client, string pagePath)
    {
        var document = await client.GetDocumentAsync(pagePath);
        return document.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")?.Value
            ?? throw new InvalidOperationException($"No antiforgery token on {pagePath}.");
    }

    /// <summary>Client paths are relative to the base address (which may be /t/{name}/).</summary>
    public static string Relative(string path) => path.TrimStart('/');

    private static string ActionPath(HttpClient client, string action)
    {
        // Form actions are absolute paths that already include the practice's /t/{name} prefix.
        var basePath = client.BaseAddress!.AbsolutePath;
        return action.StartsWith(basePath, StringComparison.OrdinalIgnoreCase) ? action[basePath.Length..] : action.TrimStart('/');
    }
}
