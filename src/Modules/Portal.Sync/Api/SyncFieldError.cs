namespace Portal.Sync.Api;

/// <summary>Why an item failed, at the field it is about; <see cref="Code"/> is from the problem-type vocabulary (docs/api.md).</summary>
public sealed record SyncFieldError(string Field, string Code, string Message);
