using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Portal.Core.Settings;

/// <summary>
/// A secret field as a page's form has it: the page never has the value to show, only whether one is
/// set. The person types a new value to replace it, or ticks "remove"; posting the field empty keeps
/// what is stored. Rendered by <c>&lt;secret-input for="Input.ApiKey" label="API key" /&gt;</c>.
/// </summary>
public sealed class SecretEntry
{
    /// <summary>A value is stored now (set by the page from the section, never posted).</summary>
    [BindNever]
    public bool IsSet { get; set; }

    /// <summary>What was typed to replace the stored value; empty keeps it.</summary>
    public string? Replacement { get; set; }

    public bool Remove { get; set; }

    public static SecretEntry For(SecretString? current) => new() { IsSet = current is not null };

    /// <summary>The secret to save: the replacement, nothing when removed, otherwise <paramref name="current"/>.</summary>
    public SecretString? ApplyTo(SecretString? current)
        => !string.IsNullOrEmpty(Replacement) ? new SecretString(Replacement) : Remove ? null : current;
}
