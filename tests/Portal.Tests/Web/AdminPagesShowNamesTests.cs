using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Portal.Core.Contracts;
using Portal.Core.Data;
using Portal.Core.Mail;
using Portal.Core.Modules;
using Portal.Core.Security;
using Portal.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Portal.Tests.Web;

/// <summary>
/// Every page of a practice's staff admin, opened by its administrator with real data (a client in a
/// portal, a document, a custom role, an audit trail with events of each kind the sample made), says
/// things by name: no id and no internal key (permission, feature, e-mail template) in the text a person
/// reads, nor an audit action's code. Keys may stay in attributes (links, form values, tooltips). Generated from the endpoint
/// table (<see cref="PageSweep"/>), so a new admin page is held to it the day it is added. The client site (opened by a
/// client's user) and the host's operator pages are held to the same rule.
/// </summary>
public sealed partial class AdminPagesShowNamesTests(SharedApps apps, ITestOutputHelper output) : IClassFixture<SharedApps>
{
    [Theory, BothDatabases]
    public async Task Admin_pages_show_names_not_ids_or_keys(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var sweep = await PageSweep.CreateAsync(app);
        var keys = InternalKeys(app);
        var failures = new List<string>();
        var opened = 0;
        foreach (var page in sweep.Pages().Where(p => p.Visitor is Visitor.PracticeAdministrator or Visitor.ClientUser or Visitor.Operator))
        {
            var (_, path, document, problem) = await sweep.OpenAsync(page);
            if (problem is not null)
            {
                failures.Add($"{page}: {problem}");
                continue;
            }

            if (document?.QuerySelector("main") is not { } main)
            {
                continue;
            }

            opened++;
            var text = VisibleText(main);
            failures.AddRange(Guid().Matches(text).Select(m => $"{path}: shows the id {m.Value} in \"{Around(text, m.Index)}\""));
            failures.AddRange(keys.Where(k => k.Pattern.IsMatch(text)).Select(k => $"{path}: shows the {k.Kind} key {k.Key} in \"{Around(text, k.Pattern.Match(text).Index)}\""));
        }

        output.WriteLine($"{provider}: {opened} admin, client and host pages opened, {keys.Count} keys looked for");
        Assert.True(opened > 20, $"only {opened} admin pages were opened: the endpoint table was not read");
        Assert.True(keys.Count(k => k.Kind == "permission") > 10, "the permission catalog was not read");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    /// <summary>Keys of the app's own catalogs, each matched as a whole word (not inside a longer name or address).</summary>
    private static List<(string Kind, string Key, Regex Pattern)> InternalKeys(PortalApplication app)
    {
        var permissions = app.Get<IEnumerable<IPermissionProvider>>().SelectMany(p => p.GetPermissions()).Select(p => ("permission", p.Name));
        var features = app.Get<ModuleCatalog>().Features.Ordered.Select(f => ("feature", f.Id));
        var templates = app.Get<IEnumerable<MailTemplateDefinition>>().Select(t => ("e-mail template", t.Name));
        var actions = app.Get<IEnumerable<IAuditActionDescriptions>>().SelectMany(p => p.Describe()).Select(d => ("audit action", d.Action));
        return permissions.Concat(features).Concat(templates).Concat(actions)
            .Distinct()
            .Select(k => (k.Item1, k.Item2, new Regex($@"(?<![\w.@-]){Regex.Escape(k.Item2)}(?![\w@-]|\.\w)", RegexOptions.CultureInvariant)))
            .ToList();
    }

    /// <summary>The text a person reads: every text node, outside scripts, styles and templates (attributes are not text).</summary>
    private static string VisibleText(IElement main)
        => string.Join(" ", main.Descendants<IText>()
            .Where(t => !t.GetAncestors().OfType<IElement>().Any(e => e.LocalName is "script" or "style" or "template"))
            .Select(t => t.Data));

    private static string Around(string text, int index)
    {
        var start = Math.Max(0, index - 60);
        return WhiteSpace().Replace(text[start..Math.Min(text.Length, index + 60)], " ");
    }

    [GeneratedRegex(@"\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b", RegexOptions.CultureInvariant)]
    private static partial Regex Guid();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
