using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Memory;

namespace Portal.Core.Settings;

/// <summary>
/// This server's copies of practices' settings sections, one per practice, section and version.
/// Concurrent misses of the same key share one load (a cold practice's first burst of requests reads
/// the row once), and the first copy stored is the one every caller gets: a later load never
/// replaces it, so what a caller read stays the cached copy until a save retires its version.
/// </summary>
public sealed class SettingsCache(IMemoryCache cache)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    private readonly ConcurrentDictionary<string, Lazy<Task<object>>> _loading = new(StringComparer.Ordinal);

    public async Task<object> GetOrLoadAsync(string key, Func<Task<object>> load)
    {
        if (cache.TryGetValue(key, out var cached) && cached is not null)
        {
            return cached;
        }

        var loading = _loading.GetOrAdd(key, k => new Lazy<Task<object>>(() => LoadOnceAsync(k, load)));
        try
        {
            return await loading.Value;
        }
        finally
        {
            _loading.TryRemove(new KeyValuePair<string, Lazy<Task<object>>>(key, loading));
        }
    }

    private async Task<object> LoadOnceAsync(string key, Func<Task<object>> load)
    {
        // A load that finished between this caller's miss and its turn here has stored the copy already.
        if (cache.TryGetValue(key, out var cached) && cached is not null)
        {
            return cached;
        }

        var value = await load();
        cache.Set(key, value, Lifetime);
        return value;
    }
}
