using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Portal.Core.Settings;

/// <summary>Puts a section validator's problems at a page's inputs, so a page and a recipe refuse the same values.</summary>
public static class SettingsModelState
{
    /// <summary>
    /// Each problem goes to <c>{prefix}.{Field}</c> (<c>Input.PrimaryColor</c>), as a sentence, unless the
    /// page's own checks already put a message there.
    /// </summary>
    public static void AddSettingsProblems(this ModelStateDictionary modelState, IEnumerable<SettingsProblem> problems, string prefix = "Input")
    {
        foreach (var problem in problems)
        {
            var property = char.ToUpperInvariant(problem.Field[0]) + problem.Field[1..];
            var key = prefix.Length == 0 ? property : $"{prefix}.{property}";
            if (modelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0)
            {
                continue;
            }

            var message = char.ToUpperInvariant(problem.Message[0]) + problem.Message[1..];
            modelState.AddModelError(key, Text.Sentence.End(message));
        }
    }
}
