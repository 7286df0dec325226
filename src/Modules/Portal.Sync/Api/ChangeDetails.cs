namespace Portal.Sync.Api;

/// <summary>A file a client uploaded (<see cref="ChangeKinds.DocumentUploaded"/>).</summary>
public sealed record ChangedDocument(Guid DocumentId, Guid VersionId, string FileName, string? Folder, long Length, string Sha256);

/// <summary>A payment taken online (<see cref="ChangeKinds.PaymentReceived"/>); the amount in major units, as a decimal string.</summary>
public sealed record ChangedPayment(Guid PaymentId, string Amount, string Currency, DateOnly ReceivedOn, string Method, string? InvoiceNumber, string? InvoiceExternalId);

/// <summary>A message a client's portal user wrote (<see cref="ChangeKinds.Message"/>).</summary>
public sealed record ChangedMessage(Guid ThreadId, string Subject, string From, string Text);

/// <summary>A client's task that was done (<see cref="ChangeKinds.TaskCompleted"/>).</summary>
public sealed record ChangedTask(Guid TaskId, string Title, DateTime CompletedAt);
