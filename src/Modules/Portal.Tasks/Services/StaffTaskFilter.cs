namespace Portal.Tasks.Services;

/// <param name="Overdue">Only open tasks whose due date has passed.</param>
/// <param name="DueBy">Only tasks due on or before that day.</param>
/// <param name="Closed">Done and closed tasks instead of open ones.</param>
public sealed record StaffTaskFilter(Guid? ClientId = null, Guid? AssigneeId = null, DateOnly? DueBy = null, bool Overdue = false, bool Closed = false);
