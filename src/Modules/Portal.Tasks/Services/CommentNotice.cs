namespace Portal.Tasks.Services;

/// <summary>The job payload: tell the other side of the comments one side wrote on a task.</summary>
public sealed record CommentNotice(Guid TaskId, bool FromClient);
