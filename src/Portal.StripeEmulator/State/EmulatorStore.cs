namespace Portal.StripeEmulator.State;

/// <summary>
/// Every object the emulator holds, in memory only (a restart forgets everything). One lock guards all
/// of it: the emulator serves tests and a demo, and whole-operation atomicity matters more than throughput.
/// </summary>
internal sealed class EmulatorStore
{
    private readonly Dictionary<string, StripeObject> _byId = new(StringComparer.Ordinal);
    private readonly List<StripeObject> _inOrder = [];

    public Lock Gate { get; } = new();

    public void Add(StripeObject item)
    {
        lock (Gate)
        {
            _byId.Add(item.Id, item);
            _inOrder.Add(item);
        }
    }

    /// <summary>The object with this id if it lives on <paramref name="account"/> (null: the platform).</summary>
    public T? Find<T>(string id, string? account)
        where T : StripeObject
    {
        lock (Gate)
        {
            return _byId.TryGetValue(id, out var item) && item is T typed && item.Account == account ? typed : null;
        }
    }

    /// <summary>Objects of a type on an account, newest first (Stripe's list order).</summary>
    public List<T> All<T>(string? account)
        where T : StripeObject
    {
        lock (Gate)
        {
            var items = new List<T>();
            for (var i = _inOrder.Count - 1; i >= 0; i--)
            {
                if (_inOrder[i] is T typed && typed.Account == account)
                {
                    items.Add(typed);
                }
            }

            return items;
        }
    }

    /// <summary>Objects of a type on every account (for the emulator's own sweeps and the control API).</summary>
    public List<T> Everywhere<T>()
        where T : StripeObject
    {
        lock (Gate)
        {
            return [.. _inOrder.OfType<T>()];
        }
    }

    public T? FindAnywhere<T>(string id)
        where T : StripeObject
    {
        lock (Gate)
        {
            return _byId.TryGetValue(id, out var item) ? item as T : null;
        }
    }
}
