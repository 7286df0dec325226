using System.Diagnostics;
using System.Net.Mail;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Core.Data;
using Portal.Core.Jobs;
using Portal.Core.Modules;
using Portal.Core.Recipes;

namespace Portal.Core.Tenancy;

/// <summary>
/// Creates a practice: registers it (Initializing), creates its database, applies migrations and runs
/// the setup recipe, then switches it to Running. If any step fails, everything is undone (database,
/// registry row, queued jobs) and the result says which step failed.
/// </summary>
public sealed class TenantSetupService(
    TenantStore store,
    TenantRegistry registry,
    DatabaseLayout layout,
    TenantMigrator migrator,
    TenantScopeFactory scopes,
    RecipeCatalog recipes,
    ModuleCatalog modules,
    JobStore jobs,
    JobWakeUp wakeUp,
    TenantUrls urls,
    ILogger<TenantSetupService> logger)
{
    public async Task<TenantSetupResult> SetupAsync(TenantSetupRequest request, CancellationToken cancellationToken)
    {
        var (problems, recipe) = await CheckAsync(request, cancellationToken);
        if (problems.Count > 0 || recipe is null)
        {
            return TenantSetupResult.Invalid(problems);
        }

        var name = request.Name.Trim();
        var displayName = request.DisplayName.Trim();
        var adminEmail = request.AdminEmail.Trim();
        var adminName = request.AdminName?.Trim();
        var record = new TenantRecord
        {
            Id = Guid.CreateVersion7(),
            Name = name,
            DisplayName = displayName,
            State = TenantState.Initializing,
            AdminEmail = adminEmail,
            SetupRecipe = recipe.Name,
            DatabaseSchema = layout.Provider == DatabaseProvider.Postgres ? layout.SchemaFor(name) : null,
        };
        record.SetEnabledFeatures(modules.Features.AlwaysOn);
        if (!await store.TryCreateAsync(record, cancellationToken))
        {
            return TenantSetupResult.Invalid(nameof(request.Name), $"A practice named \"{name}\" already exists.");
        }

        var tenant = registry.Find(name)!;
        var phase = "creating the database";
        var started = Stopwatch.GetTimestamp();
        try
        {
            await layout.CreateTenantDatabaseAsync(tenant, cancellationToken);
            var databaseDone = Stopwatch.GetTimestamp();
            phase = "applying migrations";
            await migrator.CreateSchemaAsync(tenant, cancellationToken);
            var migrationsDone = Stopwatch.GetTimestamp();

            phase = "running the setup recipe";
            var variables = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["practiceName"] = name,
                ["displayName"] = displayName,
                ["adminEmail"] = adminEmail,
                ["portalUrl"] = urls.BaseUrl(tenant),
            };
            if (!string.IsNullOrEmpty(adminName))
            {
                variables["adminName"] = adminName;
            }

            foreach (var (key, value) in request.Variables ?? new Dictionary<string, string>())
            {
                variables[key] = value;
            }

            await using (var scope = scopes.CreateScope(tenant))
            {
                await scope.ServiceProvider.GetRequiredService<RecipeExecutor>().ExecuteAsync(recipe, variables, cancellationToken);
            }

            var recipeDone = Stopwatch.GetTimestamp();
            phase = "starting the practice";
            await store.SetSchemaStampAsync(name, migrator.CurrentStamp(), cancellationToken);
            await store.SetStateAsync(name, TenantState.Running, cancellationToken);
            await jobs.RunPendingNowAsync(name, cancellationToken);
            wakeUp.Signal();
            logger.LogInformation(
                "Practice {Tenant} set up with recipe {Recipe} in {ElapsedMs:F0} ms (database {DatabaseMs:F0} ms, migrations {MigrationsMs:F0} ms, recipe {RecipeMs:F0} ms)",
                name,
                recipe.Name,
                Stopwatch.GetElapsedTime(started).TotalMilliseconds,
                Stopwatch.GetElapsedTime(started, databaseDone).TotalMilliseconds,
                Stopwatch.GetElapsedTime(databaseDone, migrationsDone).TotalMilliseconds,
                Stopwatch.GetElapsedTime(migrationsDone, recipeDone).TotalMilliseconds);
            return TenantSetupResult.Success;
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Setting up practice {Tenant} failed while {Phase}; rolling back", name, phase);
            await RollBackAsync(tenant);
            if (ex is OperationCanceledException)
            {
                throw;
            }

            return TenantSetupResult.Failed(ex is RecipeException recipeError
                ? $"Setup failed and nothing was kept: {recipeError.Message}"
                : $"Setup failed while {phase} and nothing was kept: {ex.Message}");
        }
    }


    /// <summary>Every problem with what was entered, without creating anything (a form shows them all at once).</summary>
    public async Task<TenantSetupResult> ValidateAsync(TenantSetupRequest request, CancellationToken cancellationToken)
    {
        var (problems, _) = await CheckAsync(request, cancellationToken);
        return problems.Count > 0 ? TenantSetupResult.Invalid(problems) : TenantSetupResult.Success;
    }

    private async Task<(Dictionary<string, string> Problems, RecipeDescriptor? Recipe)> CheckAsync(TenantSetupRequest request, CancellationToken cancellationToken)
    {
        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        var name = request.Name?.Trim() ?? "";
        if (TenantName.Validate(name) is { } nameError)
        {
            problems[nameof(request.Name)] = nameError;
        }
        else if (registry.Find(name) is not null)
        {
            problems[nameof(request.Name)] = $"A practice named \"{name}\" already exists.";
        }

        var displayName = request.DisplayName?.Trim() ?? "";
        if (displayName.Length is 0 or > 200)
        {
            problems[nameof(request.DisplayName)] = "Enter the practice's name as clients should see it (up to 200 characters).";
        }

        var adminEmail = request.AdminEmail?.Trim() ?? "";
        if (!MailAddress.TryCreate(adminEmail, out var parsedEmail) || parsedEmail.Address != adminEmail)
        {
            problems[nameof(request.AdminEmail)] = "Enter the administrator's e-mail address, such as name@practice.com.";
        }

        var adminName = request.AdminName?.Trim();
        if (adminName is { Length: > 200 })
        {
            problems[nameof(request.AdminName)] = "Enter the administrator's name (up to 200 characters).";
        }

        RecipeDescriptor? recipe = null;
        try
        {
            recipe = string.IsNullOrWhiteSpace(request.RecipeName) ? null : await recipes.FindAsync(request.RecipeName, cancellationToken);
            if (recipe is null || !recipe.IsSetupRecipe)
            {
                problems[nameof(request.RecipeName)] = "Choose one of the setup recipes.";
            }
        }
        catch (RecipeException ex)
        {
            problems[nameof(request.RecipeName)] = ex.Message;
        }

        return (problems, recipe);
    }

    /// <summary>
    /// Removes practices left Initializing by a server that stopped in the middle of a setup (a setup
    /// takes seconds, so one older than <paramref name="olderThan"/> is abandoned).
    /// </summary>
    public async Task<int> RollBackAbandonedAsync(TimeSpan olderThan, DateTime now, CancellationToken cancellationToken)
    {
        var abandoned = 0;
        foreach (var tenant in registry.Current.ByName.Values.Where(t => t.State == TenantState.Initializing))
        {
            var record = await store.FindAsync(tenant.Name, cancellationToken);
            if (record is not null && now - record.UpdatedAt > olderThan)
            {
                logger.LogWarning("Practice {Tenant} was left half set up at {UpdatedAt:o}; removing it", tenant.Name, record.UpdatedAt);
                await RollBackAsync(tenant);
                abandoned++;
            }
        }

        return abandoned;
    }

    private async Task RollBackAsync(TenantDescriptor tenant)
    {
        // Each undo runs even if an earlier one fails, so as little as possible is left behind.
        try
        {
            await jobs.DeleteAllForTenantAsync(tenant.Name, CancellationToken.None);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Rollback of {Tenant}: removing queued jobs failed", tenant.Name);
        }

        try
        {
            await layout.DropTenantDatabaseAsync(tenant, CancellationToken.None);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Rollback of {Tenant}: dropping the database failed", tenant.Name);
        }

        await store.DeleteAsync(tenant.Name, CancellationToken.None);
    }
}
