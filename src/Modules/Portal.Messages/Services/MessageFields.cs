namespace Portal.Messages.Services;

/// <summary>The form fields the module's errors are about (the pages' input names under "Input").</summary>
public static class MessageFields
{
    public const string Text = "Text";
    public const string Subject = "Subject";
    public const string Files = "Files";
    public const string Reason = "ReasonId";
    public const string Client = "ClientId";
    public const string Name = "Name";
    public const string Route = "Route";
}
