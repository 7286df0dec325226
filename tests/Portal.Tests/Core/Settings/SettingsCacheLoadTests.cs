using Microsoft.Extensions.Caching.Memory;
using Portal.Core.Settings;

namespace Portal.Tests.Core.Settings;

/// <summary>
/// Concurrent misses of one settings key share a load, and the copy stored first is the one every
/// caller gets. (Seen in a full run: a job worker and a request that missed together each stored
/// their own copy, so the request's copy was no longer the cached one.)
/// </summary>
public sealed class SettingsCacheLoadTests
{
    [Fact]
    public async Task Concurrent_misses_share_one_load_and_one_copy()
    {
        using var memory = new MemoryCache(new MemoryCacheOptions());
        var cache = new SettingsCache(memory);
        var release = new TaskCompletionSource();
        var loads = 0;
        async Task<object> LoadAsync()
        {
            Interlocked.Increment(ref loads);
            await release.Task;
            return new object();
        }

        var first = cache.GetOrLoadAsync("settings:p:site:1", LoadAsync);
        var second = cache.GetOrLoadAsync("settings:p:site:1", LoadAsync);
        Assert.False(first.IsCompleted);
        release.SetResult();

        Assert.Same(await first, await second);
        Assert.Equal(1, loads);
        Assert.Same(await first, await cache.GetOrLoadAsync("settings:p:site:1", LoadAsync));
        Assert.Equal(1, loads);
    }

    [Fact]
    public async Task A_new_version_is_loaded_afresh()
    {
        using var memory = new MemoryCache(new MemoryCacheOptions());
        var cache = new SettingsCache(memory);
        var one = await cache.GetOrLoadAsync("settings:p:site:1", () => Task.FromResult(new object()));
        var two = await cache.GetOrLoadAsync("settings:p:site:2", () => Task.FromResult(new object()));
        Assert.NotSame(one, two);
    }

    [Fact]
    public async Task A_failed_load_is_not_kept()
    {
        using var memory = new MemoryCache(new MemoryCacheOptions());
        var cache = new SettingsCache(memory);
        await Assert.ThrowsAsync<InvalidOperationException>(() => cache.GetOrLoadAsync("settings:p:site:1", () => throw new InvalidOperationException("database down")));
        var value = new object();
        Assert.Same(value, await cache.GetOrLoadAsync("settings:p:site:1", () => Task.FromResult(value)));
    }
}
