using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Mail;
using Portal.Core.Navigation;
using Portal.Core.Security;
using Portal.Core.Settings;
using Portal.Notifications.Models;
using Portal.Notifications.Services;

namespace Portal.Notifications.Pages.Admin.Reminders;

[RequirePermission(Permissions.ManageRemindersName)]
public sealed class RemindersModel(ReminderSender sender, SiteSettingsStore settings) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true)]
    public ReminderState State { get; set; } = ReminderState.Ready;

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    [BindProperty(SupportsGet = true, Name = "preview")]
    public Guid? PreviewId { get; set; }

    public ListPage<PortalReminder> Reminders { get; private set; } = new([], 0, 1, PageSize);

    public int ReadyCount { get; private set; }

    public MailDraft? Preview { get; private set; }

    public string? PreviewRecipient { get; private set; }

    public bool ReviewBeforeSending { get; private set; }

    public string KindName(string kind) => sender.KindName(kind);

    public async Task OnGetAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        Reminders = await sender.ListAsync(State, PageNumber, PageSize, cancellationToken);
        ReadyCount = State == ReminderState.Ready ? Reminders.Total : await sender.ReadyCountAsync(cancellationToken);
        ReviewBeforeSending = (await settings.GetAsync<ReminderSettings>(cancellationToken)).ReviewBeforeSending;
        if (PreviewId is { } id)
        {
            if (await sender.FindAsync(id, cancellationToken) is { } reminder)
            {
                Preview = await sender.PreviewAsync(reminder, cancellationToken);
                PreviewRecipient = reminder.Recipient;
            }
        }
    }

    public async Task<IActionResult> OnPostSendAsync(Guid id)
    {
        try
        {
            var outcome = await sender.SendAsync(id, HttpContext.RequestAborted);
            var recipient = (await sender.FindAsync(id, HttpContext.RequestAborted))?.Recipient;
            TempData[outcome == ReminderSendOutcome.Sent ? TempDataKeys.Status : TempDataKeys.Error] = outcome switch
            {
                ReminderSendOutcome.Sent => $"Sent to {recipient}.",
                ReminderSendOutcome.Withdrawn => $"Not sent to {recipient}: what it announced is no longer there (the files were moved to the trash) or no longer e-mailed (your client site switches), so it was discarded.",
                _ => "That reminder was no longer waiting.",
            };
        }
        catch (ReminderNotSentException ex)
        {
            TempData[TempDataKeys.Error] = ex.Message;
        }

        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostSendAllAsync()
    {
        var (count, withdrawn, problems) = await sender.SendAllAsync(HttpContext.RequestAborted);
        TempData[TempDataKeys.Status] = (count == 1 ? "1 reminder sent." : $"{count} reminders sent.")
            + (withdrawn switch
            {
                0 => "",
                1 => " 1 was discarded: what it announced is no longer there.",
                _ => $" {withdrawn} were discarded: what they announced is no longer there.",
            });
        if (problems.Count > 0)
        {
            TempData[TempDataKeys.Error] = string.Join(" ", problems);
        }

        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDiscardAsync(Guid id)
    {
        TempData[await sender.DiscardAsync(id, HttpContext.RequestAborted) ? TempDataKeys.Status : TempDataKeys.Error] =
            (await sender.FindAsync(id, HttpContext.RequestAborted))?.State == ReminderState.Discarded ? "Reminder discarded." : "That reminder was no longer waiting.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostSettingsAsync(bool reviewBeforeSending)
    {
        var reminders = await settings.GetAsync<ReminderSettings>(HttpContext.RequestAborted);
        await settings.SaveAsync(reminders with { ReviewBeforeSending = reviewBeforeSending }, HttpContext.RequestAborted);
        TempData[TempDataKeys.Status] = reviewBeforeSending
            ? "Invitations and notices now wait here for review."
            : "Invitations and notices are now e-mailed at once.";
        return RedirectToPage();
    }
}
