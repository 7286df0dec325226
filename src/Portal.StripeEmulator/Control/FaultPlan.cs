namespace Portal.StripeEmulator.Control;

/// <summary>The faults queued by the control API, taken one per API request in order.</summary>
internal sealed class FaultPlan
{
    private readonly Queue<Fault> _faults = new();
    private readonly Lock _gate = new();

    public void Add(Fault fault)
    {
        lock (_gate)
        {
            _faults.Enqueue(fault);
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _faults.Clear();
        }
    }

    /// <summary>How many API requests the queued faults will still apply to.</summary>
    public int Pending
    {
        get
        {
            lock (_gate)
            {
                return _faults.Sum(fault => fault.Remaining);
            }
        }
    }

    public Fault? Take()
    {
        lock (_gate)
        {
            while (_faults.TryPeek(out var fault))
            {
                if (fault.Remaining > 0)
                {
                    fault.Remaining--;
                    return fault;
                }

                _faults.Dequeue();
            }

            return null;
        }
    }
}
