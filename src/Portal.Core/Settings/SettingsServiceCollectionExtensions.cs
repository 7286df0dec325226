using Microsoft.Extensions.DependencyInjection;

namespace Portal.Core.Settings;

public static class SettingsServiceCollectionExtensions
{
    /// <summary>
    /// Registers a practice settings section: <typeparamref name="T"/> is an immutable record whose
    /// initial values are the defaults; <paramref name="validate"/> says what is wrong with a value
    /// (its messages must not repeat the value: a secret would end up in a recipe error). The recipe
    /// step, the store and the admin pages then accept the section and its fields, and nothing else.
    /// </summary>
    public static IServiceCollection AddSettingsSection<T>(this IServiceCollection services, Func<T, IEnumerable<SettingsProblem>>? validate = null)
        where T : class, ISettingsSection, new()
        => services.AddSingleton(SettingsSectionDescriptor.For(validate));
}
