using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Core.Data;
using Portal.Core.Settings;
using Portal.Core.Tenancy;

namespace Portal.Core.Mail;

/// <summary>
/// Converts a practice's edited e-mail templates from Handlebars to Liquid, once: the schema migration
/// <see cref="Data.Migrations.Tenant.SetHandlebarsTemplatesAside"/> moved them to
/// <see cref="HandlebarsSection"/>; this writes each one, converted, into <c>mail-templates</c> and drops
/// the old section, in one transaction. A template the converter cannot read is kept as it was, marked
/// with the reason (<see cref="MailTemplateOverride.ConversionProblem"/>), and logged: the built-in
/// template is sent until someone edits it, and the editor says why.
/// </summary>
internal sealed class MailTemplatesToLiquid(TimeProvider clock, ILogger<MailTemplatesToLiquid> logger) : IPracticeUpgrade
{
    public const string HandlebarsSection = "mail-templates.handlebars";

    public string Id => "mail-templates-to-liquid";

    public async Task RunAsync(IServiceProvider practiceServices, CancellationToken cancellationToken)
    {
        var db = practiceServices.GetRequiredService<CoreTenantDbContext>();
        var definitions = practiceServices.GetServices<MailTemplateDefinition>();
        var tenant = practiceServices.GetRequiredService<TenantContext>().Tenant;
        var legacy = await db.Settings.SingleOrDefaultAsync(s => s.Section == HandlebarsSection, cancellationToken);
        if (legacy is null)
        {
            return;
        }

        var practice = tenant.Name;
        var old = JsonSerializer.Deserialize<MailTemplateOverrides>(legacy.Json, SettingsJson.Stored) ?? new MailTemplateOverrides();
        var current = await db.Settings.SingleOrDefaultAsync(s => s.Section == MailTemplateOverrides.SectionName, cancellationToken);
        var converted = current is null
            ? new MailTemplateOverrides()
            : JsonSerializer.Deserialize<MailTemplateOverrides>(current.Json, SettingsJson.Stored) ?? new MailTemplateOverrides();
        var samples = definitions.ToDictionary(d => d.Name, d => d.SampleModel, StringComparer.Ordinal);

        foreach (var (name, template) in old.Templates)
        {
            if (converted.Templates.ContainsKey(name))
            {
                continue; // saved in Liquid already
            }

            var result = Convert(template, samples.GetValueOrDefault(name) ?? new Dictionary<string, object?>());
            converted.Templates[name] = result;
            if (result.ConversionProblem is { } problem)
            {
                logger.LogWarning(
                    "Practice {Tenant}: the edited e-mail template {Template} could not be converted from Handlebars to Liquid ({Problem}); it is kept as written, and the standard template is sent until it is edited",
                    practice,
                    name,
                    problem);
            }
            else
            {
                logger.LogInformation("Practice {Tenant}: the edited e-mail template {Template} was converted from Handlebars to Liquid", practice, name);
            }
        }

        if (current is null)
        {
            current = new SettingsRecord { Section = MailTemplateOverrides.SectionName };
            db.Settings.Add(current);
        }

        current.Json = JsonSerializer.Serialize(converted, SettingsJson.Stored);
        current.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        db.Settings.Remove(legacy);
        await db.SaveChangesAsync(cancellationToken);

        // Other servers may hold the section as it was a moment ago.
        await practiceServices.GetRequiredService<SettingsVersions>().BumpAsync(tenant.Id, MailTemplateOverrides.SectionName, CancellationToken.None);
    }

    /// <summary>All three texts converted, or all three kept with the first problem.</summary>
    public static MailTemplateOverride Convert(MailTemplateOverride template, IReadOnlyDictionary<string, object?> sampleModel)
    {
        var parts = new[] { ("subject", template.Subject), ("HTML body", template.Html), ("plain-text body", template.Text) }
            .Select(p => (Part: p.Item1, Result: Checked(HandlebarsToLiquid.Convert(p.Item2, sampleModel))))
            .ToList();
        if (parts.FirstOrDefault(p => p.Result.Problem is not null) is { Result.Problem: { } problem } failed)
        {
            return new MailTemplateOverride
            {
                Subject = template.Subject,
                Html = template.Html,
                Text = template.Text,
                ConversionProblem = $"The {failed.Part} could not be converted from the old template syntax. {problem}",
            };
        }

        return new MailTemplateOverride { Subject = parts[0].Result.Liquid!, Html = parts[1].Result.Liquid!, Text = parts[2].Result.Liquid! };
    }

    /// <summary>A conversion Fluid cannot parse is a problem too, never something stored to fail later.</summary>
    private static HandlebarsConversion Checked(HandlebarsConversion conversion)
        => conversion.Liquid is { } liquid && !MailTemplateRenderer.TryParse(liquid, out _, out var problem)
            ? new HandlebarsConversion(null, problem)
            : conversion;
}
