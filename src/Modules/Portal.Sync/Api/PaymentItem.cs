namespace Portal.Sync.Api;

/// <summary>A payment received outside the portal (docs/api.md, "Payments"); <see cref="Method"/> is cheque, cash, transfer or other.</summary>
public sealed record PaymentItem(
    string? ExternalId,
    bool Deleted,
    string? ClientExternalId,
    string? InvoiceExternalId,
    string? ReceivedOn,
    string? Amount,
    string? Currency,
    string? Method,
    string? Reference) : ISyncItem;
