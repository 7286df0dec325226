using System.Net;
using AngleSharp.Dom;
using Microsoft.Extensions.DependencyInjection;
using Portal.Billing.Services;
using Portal.Core.Modules;
using Portal.Core.Tenancy;
using Portal.Tests.Billing;
using Portal.Tests.Infrastructure;
using Portal.Tests.Messages;

namespace Portal.Tests.Customize;

/// <summary>
/// A practice with Documents, Messages and Billing on (from <see cref="MessagesScenario"/>), whose
/// administrator turns the client site switches on and off through the switches page, as a person does.
/// </summary>
public sealed record SwitchesScenario(MessagesScenario Messages, HttpClient Admin, HttpClient Client, HttpClient Staff)
{
    public const string PagePath = "admin/customize/switches";

    public PortalApplication App => Messages.App;

    public TenantDescriptor Practice => Messages.Practice;

    public Guid ClientId => Messages.ClientId;

    public static async Task<SwitchesScenario> CreateAsync(PortalApplication app)
    {
        var messages = await MessagesScenario.CreateAsync(app);
        await app.InPracticeAsync(messages.Practice, sp => sp.GetRequiredService<TenantFeatures>().EnableAsync([Portal.Billing.Manifest.Feature], default));
        messages = messages with { Documents = messages.Documents with { Practice = app.Get<TenantRegistry>().Find(messages.Practice.Name)! } };
        return new SwitchesScenario(
            messages,
            await messages.BrowserAsync(messages.Documents.Admin),
            await messages.BrowserAsync(messages.Documents.ClientUser),
            await messages.BrowserAsync(messages.Documents.Staff));
    }

    /// <summary>Sets one switch on the page (the others as they are) and checks the page took it.</summary>
    public async Task SetAsync(string field, bool on)
    {
        var response = await Admin.SubmitFormAsync(PagePath, new() { [$"Input.{field}"] = on ? "true" : "false" }, "[data-testid=switches-form]");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var box = (await Admin.GetDocumentAsync(PagePath)).QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>($"input[type=checkbox][name='Input.{field}']")!;
        Assert.Equal(on, box.IsChecked);
    }

    public async Task<Guid> InvoiceAsync(string number)
    {
        var saved = await App.InPracticeAsync(Practice, sp => sp.GetRequiredService<InvoiceBook>().SaveAsync(BillingScenario.Draft(ClientId, number)));
        return saved.Value?.Id ?? throw new InvalidOperationException(string.Join(" ", saved.Errors.Select(e => e.Message)));
    }

    /// <summary>Whether the client site's main navigation, as the client sees it, links to <paramref name="path"/> (such as "/contact").</summary>
    public async Task<bool> ClientNavHasAsync(string path)
        => (await Client.GetDocumentAsync("")).QuerySelectorAll("#site-nav > ul > li > a")
            .Any(a => (a.GetAttribute("href") ?? "").EndsWith(path, StringComparison.Ordinal));
}
