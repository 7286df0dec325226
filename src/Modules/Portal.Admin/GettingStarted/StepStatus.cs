namespace Portal.Admin.GettingStarted;

/// <summary>One step as the assistant and the dashboard show it.</summary>
/// <param name="Links">Where the step is done (page names, for asp-page); none for the address, which is read in the assistant.</param>
public sealed record StepStatus(GettingStartedStep Step, string Title, string Explanation, IReadOnlyList<StepLink> Links, StepState State)
{
    public bool IsLeft => State == StepState.ToDo;
}

/// <summary>A page that does (part of) a step, by page name.</summary>
public sealed record StepLink(string Page, string Text);
