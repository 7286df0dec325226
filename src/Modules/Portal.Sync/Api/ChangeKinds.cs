namespace Portal.Sync.Api;

/// <summary>The change feed's <c>kind</c>s; each names the property that holds its details.</summary>
public static class ChangeKinds
{
    public const string DocumentUploaded = "document-uploaded";
    public const string PaymentReceived = "payment-received";
    public const string Message = "message";
    public const string TaskCompleted = "task-completed";

    /// <summary>The property of a feed item that holds a kind's details.</summary>
    public static string DetailsProperty(string kind) => kind switch
    {
        DocumentUploaded => "document",
        PaymentReceived => "payment",
        Message => "message",
        TaskCompleted => "task",
        _ => "details",
    };
}
