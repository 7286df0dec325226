namespace Portal.Tasks.Services;

/// <summary>What staff fill in for a new task. <see cref="Items"/> makes it a document request.</summary>
public sealed record TaskInput(
    Guid ClientId,
    string? Title,
    string? Description,
    DateOnly? DueOn,
    bool AssignToEveryone,
    IReadOnlyList<Guid> Assignees,
    IReadOnlyList<Guid> Attachments,
    Guid? FolderId,
    IReadOnlyList<string> Items);
