using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Core.Tenancy;

namespace Portal.Core.Settings;

/// <summary>
/// Reads and writes the current practice's settings sections (registered in <see cref="SettingsRegistry"/>).
/// Reads are cached per practice, section and section version (<see cref="SettingsVersions"/>); a save
/// validates the section, seals its secrets, writes the row, then bumps that section's version, which
/// retires its cached copies on every server and leaves every other cache of the practice alone. The
/// version is bumped here first, so the request that saved reads what it saved.
/// </summary>
public sealed class SiteSettingsStore(
    CoreTenantDbContext db,
    TenantContext tenantContext,
    SettingsRegistry registry,
    SettingsVersions versions,
    SettingsSecrets secrets,
    SettingsCache cache,
    TimeProvider clock)
{
    public SettingsRegistry Registry => registry;

    public async Task<T> GetAsync<T>(CancellationToken cancellationToken = default)
        where T : class, ISettingsSection, new()
        => (T)await GetAsync(registry.Get<T>(), cancellationToken);

    public async Task<object> GetAsync(SettingsSectionDescriptor section, CancellationToken cancellationToken = default)
    {
        var tenant = tenantContext.Tenant;
        var key = $"settings:{tenant.Id:N}:{section.Name}:{await versions.CurrentAsync(tenant.Id, section.Name, cancellationToken)}";

        // Shared by concurrent callers, so it does not stop when one of them gives up.
        return await cache.GetOrLoadAsync(key, () => LoadAsync(section, CancellationToken.None));
    }

    private async Task<object> LoadAsync(SettingsSectionDescriptor section, CancellationToken cancellationToken)
    {
        var record = await db.Settings.AsNoTracking().SingleOrDefaultAsync(s => s.Section == section.Name, cancellationToken);
        if (record is null)
        {
            return section.CreateDefaults();
        }

        var json = JsonNode.Parse(record.Json)?.AsObject() ?? [];
        await secrets.OpenAsync(section, json, cancellationToken);
        return json.Deserialize(section.Type, SettingsJson.Stored) ?? section.CreateDefaults();
    }

    /// <summary>What is wrong with <paramref name="value"/> (nothing: an empty list), field by field.</summary>
    public IReadOnlyList<SettingsProblem> Validate<T>(T value)
        where T : class, ISettingsSection, new()
        => registry.Get<T>().Validate(value);

    /// <summary>Saves a whole section; throws <see cref="SettingsValidationException"/> when its validator refuses it.</summary>
    public Task SaveAsync<T>(T value, CancellationToken cancellationToken = default)
        where T : class, ISettingsSection, new()
        => SaveAsync(registry.Get<T>(), value, cancellationToken);

    public async Task SaveAsync(SettingsSectionDescriptor section, object value, CancellationToken cancellationToken = default)
    {
        if (value.GetType() != section.Type)
        {
            throw new ArgumentException($"Section '{section.Name}' holds {section.Type.Name}, not {value.GetType().Name}.", nameof(value));
        }

        var problems = section.Validate(value);
        if (problems.Count > 0)
        {
            throw new SettingsValidationException(section.Name, problems);
        }

        var json = JsonSerializer.SerializeToNode(value, section.Type, SettingsJson.Stored)!.AsObject();
        await secrets.SealAsync(section, json, cancellationToken);

        var record = await db.Settings.SingleOrDefaultAsync(s => s.Section == section.Name, cancellationToken);
        if (record is null)
        {
            record = new SettingsRecord { Section = section.Name };
            db.Settings.Add(record);
        }

        record.Json = json.ToJsonString(SettingsJson.Stored);
        record.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);

        // The row is committed: announce it even if the caller has gone, or other servers keep the old copy.
        await versions.BumpAsync(tenantContext.Tenant.Id, section.Name, CancellationToken.None);
    }

    /// <summary>
    /// Sets some fields of a section and keeps the others (recipes); the problems name the fields, and
    /// nothing is written when there are any.
    /// </summary>
    public async Task<IReadOnlyList<SettingsProblem>> SaveFieldsAsync(SettingsSectionDescriptor section, JsonObject values, CancellationToken cancellationToken = default)
    {
        var change = section.Apply(await GetAsync(section, cancellationToken), values);
        if (!change.Succeeded)
        {
            return change.Problems;
        }

        await SaveAsync(section, change.Value!, cancellationToken);
        return [];
    }
}
