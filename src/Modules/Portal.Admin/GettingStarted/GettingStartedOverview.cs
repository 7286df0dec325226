namespace Portal.Admin.GettingStarted;

/// <summary>Every step's state, and whether the dashboard still offers the assistant.</summary>
public sealed record GettingStartedOverview(IReadOnlyList<StepStatus> Steps, bool Dismissed)
{
    public int DoneCount => Steps.Count(s => s.State == StepState.Done);

    public bool AllDone => Steps.All(s => s.State == StepState.Done);

    /// <summary>Steps neither done nor skipped.</summary>
    public IReadOnlyList<StepStatus> Left => Steps.Where(s => s.IsLeft).ToList();

    /// <summary>Shown on the dashboard until an administrator hides it or every step is done.</summary>
    public bool OfferedOnDashboard => !Dismissed && !AllDone;
}
