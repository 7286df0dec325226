using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Core;

namespace Portal.Web.HostAdmin;

/// <summary>Creates the first platform operator from configuration when the host store has none.</summary>
public sealed class PlatformOperatorSeeder(
    IServiceScopeFactory scopes,
    IOptions<HostAdminOptions> options,
    ILogger<PlatformOperatorSeeder> logger) : IPortalStartupTask
{
    public int Order => 0;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var operators = scope.ServiceProvider.GetRequiredService<UserManager<PlatformOperator>>();
        if (await operators.Users.AnyAsync(cancellationToken))
        {
            return;
        }

        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.Email) || string.IsNullOrEmpty(settings.Password))
        {
            logger.LogWarning("No platform operator exists. Set Portal:HostAdmin:Email and Portal:HostAdmin:Password to create one at start.");
            return;
        }

        var account = new PlatformOperator
        {
            Id = Guid.CreateVersion7(),
            UserName = settings.Email,
            Email = settings.Email,
            EmailConfirmed = true,
            DisplayName = settings.DisplayName,
            LockoutEnabled = true,
        };
        var result = await operators.CreateAsync(account, settings.Password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("The platform operator in Portal:HostAdmin could not be created: " + string.Join(" ", result.Errors.Select(e => e.Description)));
        }

        logger.LogInformation("Platform operator {Email} created", settings.Email);
    }
}
