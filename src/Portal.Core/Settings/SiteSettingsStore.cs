using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Portal.Core.Data;
using Portal.Core.Tenancy;

namespace Portal.Core.Settings;

/// <summary>
/// Reads and writes the current practice's settings. Reads are cached per practice and version;
/// a write bumps the practice's version, which retires the cached copies on every server.
/// </summary>
public sealed class SiteSettingsStore(
    CoreTenantDbContext db,
    TenantContext tenantContext,
    TenantStore tenants,
    IMemoryCache cache,
    TimeProvider clock)
{
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = false };

    public async Task<T> GetAsync<T>(CancellationToken cancellationToken = default)
        where T : class, ISettingsSection, new()
    {
        var tenant = tenantContext.Tenant;
        var key = $"settings:{tenant.Name}:{tenant.Version}:{T.SectionName}";
        if (cache.TryGetValue(key, out T? cached) && cached is not null)
        {
            return cached;
        }

        var section = T.SectionName;
        var record = await db.Settings.AsNoTracking().SingleOrDefaultAsync(s => s.Section == section, cancellationToken);
        var value = record is null ? new T() : JsonSerializer.Deserialize<T>(record.Json, JsonOptions) ?? new T();
        cache.Set(key, value, TimeSpan.FromMinutes(30));
        return value;
    }

    public Task SaveAsync<T>(T value, CancellationToken cancellationToken = default)
        where T : class, ISettingsSection, new()
        => SaveJsonAsync(T.SectionName, JsonSerializer.SerializeToNode(value, JsonOptions)!.AsObject(), merge: false, cancellationToken);

    /// <summary>Merges properties into a section (used by recipes, which may set only some fields).</summary>
    public async Task SaveJsonAsync(string section, JsonObject values, bool merge, CancellationToken cancellationToken = default)
    {
        var record = await db.Settings.SingleOrDefaultAsync(s => s.Section == section, cancellationToken);
        JsonObject target;
        if (record is not null && merge)
        {
            target = JsonNode.Parse(record.Json)?.AsObject() ?? [];
            foreach (var (name, node) in values)
            {
                target[name] = node?.DeepClone();
            }
        }
        else
        {
            target = values;
        }

        if (record is null)
        {
            record = new SettingsRecord { Section = section };
            db.Settings.Add(record);
        }

        record.Json = target.ToJsonString(JsonOptions);
        record.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        await tenants.TouchAsync(tenantContext.Tenant.Name, cancellationToken);
    }
}
