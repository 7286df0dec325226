namespace Portal.Admin.GettingStarted;

public enum StepState
{
    ToDo,
    Skipped,
    Done,
}
