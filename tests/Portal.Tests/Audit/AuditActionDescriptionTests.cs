using System.Reflection;
using System.Reflection.Emit;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Portal.Audit.Services;
using Portal.Core.Contracts;
using Portal.Core.Data;
using Portal.Core.Mail;
using Portal.Core.Modules;
using Portal.Documents.Services;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Audit;

/// <summary>
/// Every audit action the product records has a description (a name for the filter, a phrase for the
/// sentence), registered by a module of the running app. Generated from the product's compiled code: the
/// actions are the strings each method that builds an <see cref="AuditEntry"/> loads (constants are
/// compiled into their users, so a literal action is found as surely as a constant), and the constants of
/// every *AuditActions class (keys of the app's other registries, e-mail templates and reminder kinds, are
/// told apart by asking the app for them); a new action fails here, named, until its module describes it.
/// </summary>
public sealed partial class AuditActionDescriptionTests(SharedApps apps) : IClassFixture<SharedApps>
{
    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(c => c.Value);

    [Theory, BothDatabases]
    public async Task Every_action_the_product_records_is_described(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var catalog = app.Get<AuditActionCatalog>();

        // Keys of the app's other registries look like actions and are loaded by the same methods (an e-mail sent after the event is recorded).
        var practice = await app.CreatePracticeAsync();
        var otherKeys = app.Get<IEnumerable<MailTemplateDefinition>>().Select(t => t.Name)
            .Concat(await app.InPracticeAsync(practice, sp => Task.FromResult(sp.GetServices<IReminderKind>().Select(k => k.Kind).ToList())))
            .ToHashSet(StringComparer.Ordinal);
        var recorded = RecordedActions(ProductAssemblies(app)).Where(r => !otherKeys.Contains(r.Key)).ToDictionary();

        Assert.True(recorded.Count >= 45, $"only {recorded.Count} recorded actions were found: {string.Join(", ", recorded.Keys)}");
        Assert.Contains(DocumentAuditActions.Downloaded, recorded.Keys);
        Assert.Contains(AuditActions.AccessDenied, recorded.Keys);
        var undescribed = recorded.Where(r => !catalog.IsDescribed(r.Key)).Select(r => $"{r.Key} (recorded in {r.Value})").ToList();
        Assert.True(undescribed.Count == 0, "Recorded but not described (add it to the module's IAuditActionDescriptions):" + Environment.NewLine + string.Join(Environment.NewLine, undescribed));
    }

    [Theory, BothDatabases]
    public async Task Every_audit_action_constant_is_described_once_with_a_phrase_a_sentence_can_use(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var catalog = app.Get<AuditActionCatalog>();
        var constants = ProductAssemblies(app)
            .SelectMany(a => a.GetTypes())
            .Where(t => t.Name.EndsWith("AuditActions", StringComparison.Ordinal) && t.IsAbstract && t.IsSealed)
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (Name: $"{t.Name}.{f.Name}", Action: (string)f.GetRawConstantValue()!)))
            .ToList();

        Assert.True(constants.Count >= 45, $"only {constants.Count} constants in *AuditActions classes were found");
        Assert.Contains(constants, c => c.Name == "ClientAuditActions.PortalClientAdded");
        Assert.Empty(constants.Where(c => !catalog.IsDescribed(c.Action)).Select(c => c.Name));

        var descriptions = app.Get<IEnumerable<IAuditActionDescriptions>>().SelectMany(p => p.Describe()).ToList();
        Assert.Empty(descriptions.GroupBy(d => d.Action).Where(g => g.Count() > 1).Select(g => g.Key));
        Assert.All(descriptions, d =>
        {
            Assert.Matches("^[A-Z]", d.Name);
            Assert.DoesNotContain(d.Action, d.Name, StringComparison.Ordinal);
            Assert.Matches("^[a-z]", d.Phrase);
            Assert.True(d.Phrase.Split(AuditActionDescription.Target).Length <= 2, $"{d.Action}: the target appears more than once in \"{d.Phrase}\"");
        });
    }

    [Theory]
    [InlineData("documents.upload-refused", "Documents upload refused")]
    [InlineData("billing.invoice_sent", "Billing invoice sent")]
    [InlineData("x", "X")]
    [InlineData("..", "Unnamed action")]
    public void An_action_nobody_describes_is_named_by_its_code_in_words(string code, string expected)
    {
        Assert.Equal(expected, AuditActionCatalog.Readable(code));
        var description = new AuditActionCatalog([]).Describe(code);
        Assert.Equal(expected, description.Name);
        Assert.Contains(AuditActionDescription.Target, description.Phrase, StringComparison.Ordinal);
    }

    /// <summary>Core, the host and the modules composed into the app (not the tests' own).</summary>
    private static List<Assembly> ProductAssemblies(PortalApplication app)
        => app.Get<ModuleCatalog>().Startups.Select(s => s.GetType().Assembly)
            .Append(typeof(AuditActions).Assembly)
            .Append(typeof(Program).Assembly)
            .Where(a => a.GetName().Name is { } name && name.StartsWith("Portal.", StringComparison.Ordinal) && !name.StartsWith("Portal.Tests", StringComparison.Ordinal))
            .Distinct()
            .ToList();

    /// <summary>Action-shaped strings ("area.thing-done") loaded by methods that build an AuditEntry, with where.</summary>
    private static Dictionary<string, string> RecordedActions(IEnumerable<Assembly> assemblies)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var assembly in assemblies)
        {
            foreach (var type in assembly.GetTypes())
            {
                var members = type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly).Cast<MethodBase>()
                    .Concat(type.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly));
                foreach (var method in members)
                {
                    var (strings, buildsEntry) = Read(method);
                    if (!buildsEntry)
                    {
                        continue;
                    }

                    foreach (var action in strings.Where(s => ActionShape().IsMatch(s)))
                    {
                        found.TryAdd(action, $"{type.FullName}.{method.Name}");
                    }
                }
            }
        }

        return found;
    }

    /// <summary>The strings a method's IL loads, and whether it calls AuditEntry's constructor.</summary>
    private static (List<string> Strings, bool BuildsEntry) Read(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        var strings = new List<string>();
        var buildsEntry = false;
        if (il is null)
        {
            return (strings, false);
        }

        for (var at = 0; at < il.Length;)
        {
            var code = il[at] == 0xFE ? OpCodesByValue[unchecked((short)(0xFE00 | il[at + 1]))] : OpCodesByValue[il[at]];
            at += code.Size;
            var token = code.OperandType is OperandType.InlineString or OperandType.InlineMethod ? BitConverter.ToInt32(il, at) : 0;
            if (code == OpCodes.Ldstr)
            {
                strings.Add(method.Module.ResolveString(token));
            }
            else if (code == OpCodes.Newobj && Resolve(method, token)?.DeclaringType == typeof(AuditEntry))
            {
                buildsEntry = true;
            }

            at += code.OperandType switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, at)),
                _ => 4,
            };
        }

        return (strings, buildsEntry);
    }

    private static MethodBase? Resolve(MethodBase method, int token)
    {
        try
        {
            return method.Module.ResolveMethod(token, method.DeclaringType?.GetGenericArguments(), method.IsGenericMethod ? method.GetGenericArguments() : null);
        }
        catch (ArgumentException)
        {
            return null; // a member of an open generic this method cannot close: not AuditEntry's constructor
        }
    }

    [GeneratedRegex(@"^[a-z][a-z0-9]*(\.[a-z0-9][a-z0-9-]*)+$", RegexOptions.CultureInvariant)]
    private static partial Regex ActionShape();
}
