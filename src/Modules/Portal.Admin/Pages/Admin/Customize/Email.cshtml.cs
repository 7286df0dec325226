using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Portal.Core.Contracts;
using Portal.Core.Mail;
using Portal.Core.Navigation;
using Portal.Core.Security;
using Portal.Core.Settings;
using Portal.Core.Tenancy;

namespace Portal.Admin.Pages.Admin.Customize;

/// <summary>
/// Who the practice's e-mails come from (sender name, Reply-To) and, when the platform allows it, the
/// practice's own SMTP server. The server is checked before its settings are saved, so settings that
/// cannot send are never half-saved; "Send test e-mail" sends one at once and shows the server's answer.
/// </summary>
[RequirePermission(Permissions.ManageSettingsName)]
public sealed class EmailModel(SiteSettingsStore settings, PracticeSmtpServer server, TenantContext tenant, IUserDirectory users, IAuditLog audit) : PageModel
{
    [BindProperty]
    public EmailInput Input { get; set; } = new();

    /// <summary>Whether the platform lets this practice use its own server (the SMTP fields are shown only then).</summary>
    public bool OwnServerAllowed => server.IsAllowed;

    /// <summary>The server's answer to the test e-mail, when it accepted it.</summary>
    public string? TestAnswer { get; private set; }

    public string PracticeName => tenant.Tenant.DisplayName;

    public static IEnumerable<SelectListItem> SecurityChoices =>
    [
        new("STARTTLS (usually port 587)", MailIdentitySettings.StartTls),
        new("TLS from the start (usually port 465)", MailIdentitySettings.SslOnConnect),
        new("None (only for a server without a password)", MailIdentitySettings.NoTls),
    ];

    public async Task OnGetAsync()
    {
        var current = await settings.GetAsync<MailIdentitySettings>(HttpContext.RequestAborted);
        Input = EmailInput.From(current);
        Input.TestRecipient = await CurrentUserEmailAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        var current = await settings.GetAsync<MailIdentitySettings>(cancellationToken);
        var candidate = Input.ApplyTo(current, OwnServerAllowed);
        ModelState.Remove("Input.TestRecipient");
        ModelState.AddSettingsProblems(settings.Validate(candidate));
        if (ModelState.IsValid && OwnServerAllowed && candidate.UseOwnSmtp)
        {
            var answer = await server.CheckAsync(candidate, cancellationToken);
            if (!answer.Succeeded)
            {
                AddAnswer(answer, "Not saved: ");
            }
        }

        if (!ModelState.IsValid)
        {
            Input.Password.IsSet = current.SmtpPassword is not null;
            return Page();
        }

        await settings.SaveAsync(candidate, cancellationToken);
        await audit.RecordAsync(
            new AuditEntry(AuditActions.SettingsChanged, AuditTargetTypes.Settings, MailIdentitySettings.SectionName,
                $"SenderName={candidate.SenderName}, ReplyTo={candidate.ReplyTo}, UseOwnSmtp={candidate.UseOwnSmtp}, SmtpHost={candidate.SmtpHost}, SmtpPort={candidate.SmtpPort}, "
                + $"SmtpSecurity={candidate.SmtpSecurity}, SmtpUserName={candidate.SmtpUserName}, password {(candidate.SmtpPassword is null ? "not set" : ReferenceEquals(candidate.SmtpPassword, current.SmtpPassword) ? "kept" : "set")}"),
            cancellationToken);
        TempData[TempDataKeys.Status] = candidate.UseOwnSmtp && OwnServerAllowed
            ? "Saved. Your e-mails now go out through your own server."
            : "Saved. Your e-mails use this sender name and reply address from now on.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostTestAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        var current = await settings.GetAsync<MailIdentitySettings>(cancellationToken);
        Input.Password.IsSet = current.SmtpPassword is not null;
        if (!OwnServerAllowed)
        {
            ModelState.AddModelError("", "Your platform does not let practices send through their own servers.");
            return Page();
        }

        var candidate = Input.ApplyTo(current, allowOwnServer: true);
        ModelState.AddSettingsProblems(settings.Validate(candidate with { UseOwnSmtp = true }));
        var to = Input.TestRecipient?.Trim();
        if (string.IsNullOrEmpty(to) || !MimeKit.MailboxAddress.TryParse(to, out _) || !new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(to))
        {
            ModelState.AddModelError("Input.TestRecipient", "Enter the e-mail address the test should go to.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var site = await settings.GetAsync<SiteSettings>(cancellationToken);
        var name = string.IsNullOrWhiteSpace(candidate.SenderName) ? PracticeName : candidate.SenderName;
        var mail = new OutgoingMail(
            Guid.NewGuid(),
            candidate.FromAddress!,
            name,
            string.IsNullOrWhiteSpace(candidate.ReplyTo) ? site.ContactEmail : candidate.ReplyTo,
            [to!],
            $"Test e-mail from {name}",
            $"<p>This is a test e-mail from {System.Net.WebUtility.HtmlEncode(name)}'s portal, sent through {System.Net.WebUtility.HtmlEncode(candidate.SmtpHost)}.</p><p>If you can read it, the server works.</p>",
            $"This is a test e-mail from {name}'s portal, sent through {candidate.SmtpHost}.\n\nIf you can read it, the server works.");
        var answer = await server.SendTestAsync(candidate, mail, cancellationToken);
        if (answer.Succeeded)
        {
            TestAnswer = answer.Message + " Nothing was saved: press Save to keep these settings.";
        }
        else
        {
            AddAnswer(answer, "The test e-mail was not sent: ");
        }

        return Page();
    }

    private void AddAnswer(SmtpAnswer answer, string lead)
    {
        var key = answer.Field == nameof(MailIdentitySettings.SmtpPassword)
            ? $"Input.{nameof(EmailInput.Password)}.{nameof(SecretEntry.Replacement)}"
            : $"Input.{answer.Field}";
        ModelState.AddModelError(key, lead + answer.Message);
    }

    private async Task<string?> CurrentUserEmailAsync()
        => User.IdOf() is { } id && await users.FindAsync(id, HttpContext.RequestAborted) is { } user ? user.Email : null;
}
