using System.Globalization;

namespace Portal.Projects.Services;

/// <summary>An expected completion date as people read it ("30 Apr 2027"); it is a day of the practice's calendar, so it has no time zone.</summary>
public static class ProjectDates
{
    public static string Format(DateOnly? day) => day is { } d ? d.ToString("d MMM yyyy", CultureInfo.InvariantCulture) : "no date set";
}
