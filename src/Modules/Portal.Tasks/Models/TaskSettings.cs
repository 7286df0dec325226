using Portal.Core.Settings;

namespace Portal.Tasks.Models;

/// <summary>
/// When open document requests remind the client: <see cref="DaysBefore"/> days before the due date,
/// on the due date, then every <see cref="EveryDaysAfter"/> days while overdue. 0 turns a step off.
/// </summary>
public sealed record TaskSettings : ISettingsSection
{
    public static string SectionName => "tasks";

    public int DaysBefore { get; init; } = 3;

    public bool OnDueDate { get; init; } = true;

    public int EveryDaysAfter { get; init; } = 7;

    public static IEnumerable<SettingsProblem> Validate(TaskSettings s)
    {
        if (s.DaysBefore is < 0 or > 60)
        {
            yield return SettingsProblem.Of(nameof(DaysBefore), "must be from 0 (no reminder before) to 60 days.");
        }

        if (s.EveryDaysAfter is < 0 or > 60)
        {
            yield return SettingsProblem.Of(nameof(EveryDaysAfter), "must be from 0 (no reminders after the due date) to 60 days.");
        }
    }

    /// <summary>Whether a reminder is due on <paramref name="today"/> for a request due on <paramref name="due"/>.</summary>
    public bool RemindsOn(DateOnly due, DateOnly today)
    {
        var days = today.DayNumber - due.DayNumber;
        return days switch
        {
            < 0 => DaysBefore > 0 && -days == DaysBefore,
            0 => OnDueDate,
            _ => EveryDaysAfter > 0 && days % EveryDaysAfter == 0,
        };
    }
}
