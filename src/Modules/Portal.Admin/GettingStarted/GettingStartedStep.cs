namespace Portal.Admin.GettingStarted;

/// <summary>The assistant's steps, in the order it walks through them.</summary>
public enum GettingStartedStep
{
    Address,
    Logo,
    Colors,
    Company,
    FirstPortal,
}
