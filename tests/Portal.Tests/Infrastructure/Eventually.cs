namespace Portal.Tests.Infrastructure;

/// <summary>Polls a condition (background work: jobs, mail) until it holds or the time is up.</summary>
public static class Eventually
{
    public static async Task<T> GetAsync<T>(Func<Task<T?>> probe, TimeSpan? timeout = null, string? what = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var value = await probe();
            if (value is not null && value is not false)
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting for {what ?? "a condition"}.");
            }

            await Task.Delay(100);
        }
    }

    public static Task TrueAsync(Func<Task<bool>> probe, TimeSpan? timeout = null, string? what = null)
        => GetAsync<object>(async () => await probe() ? new object() : null, timeout, what);
}
