using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Tenancy;
using Portal.Identity.Models;
using Portal.Identity.Services;

namespace Portal.Tests.Infrastructure;

/// <summary>Setting up practices and their users the way the product does (setup service, user accounts).</summary>
public static class Practices
{
    public const string StaffPassword = "Correct-Horse-Battery-42";
    public const string ClientPassword = "Blue-Teapot-Morning-7";

    public static string UniqueName(string prefix = "p") => prefix + Guid.NewGuid().ToString("N")[..10];

    public static async Task<TenantDescriptor> CreatePracticeAsync(this PortalApplication app, string? name = null, string recipe = "practice", string? displayName = null)
    {
        name ??= UniqueName();
        var result = await app.Get<TenantSetupService>().SetupAsync(
            new TenantSetupRequest(name, displayName ?? $"Practice {name}", $"admin@{name}.example", recipe),
            CancellationToken.None);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Practice setup failed: {result.Error}");
        }

        return app.Get<TenantRegistry>().Find(name)!;
    }

    public static async Task<PortalUser> AddUserAsync(this PortalApplication app, TenantDescriptor tenant, string email, UserKind kind, string[]? roles = null, string? password = null, string? displayName = null)
    {
        await using var scope = app.Get<TenantScopeFactory>().CreateScope(tenant);
        var accounts = scope.ServiceProvider.GetRequiredService<UserAccounts>();
        var (user, errors) = await accounts.CreateAsync(email, displayName ?? email, kind, roles ?? [], password ?? (kind == UserKind.Staff ? StaffPassword : ClientPassword));
        return user ?? throw new InvalidOperationException("Creating the user failed: " + string.Join(" ", errors));
    }

    public static Task<PortalUser> AddAdministratorAsync(this PortalApplication app, TenantDescriptor tenant, string? email = null)
        => app.AddUserAsync(tenant, email ?? $"boss-{Guid.NewGuid():N}@{tenant.Name}.example", UserKind.Staff, [PortalRole.Administrator]);

    public static Task<PortalUser> AddStaffAsync(this PortalApplication app, TenantDescriptor tenant, string? email = null)
        => app.AddUserAsync(tenant, email ?? $"staff-{Guid.NewGuid():N}@{tenant.Name}.example", UserKind.Staff, [PortalRole.Staff]);

    public static Task<PortalUser> AddClientAsync(this PortalApplication app, TenantDescriptor tenant, string? email = null)
        => app.AddUserAsync(tenant, email ?? $"client-{Guid.NewGuid():N}@{tenant.Name}.example", UserKind.Client);

    public static async Task<T> InPracticeAsync<T>(this PortalApplication app, TenantDescriptor tenant, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = app.Get<TenantScopeFactory>().CreateScope(app.Get<TenantRegistry>().Find(tenant.Name) ?? tenant);
        return await work(scope.ServiceProvider);
    }

    public static async Task InPracticeAsync(this PortalApplication app, TenantDescriptor tenant, Func<IServiceProvider, Task> work)
    {
        await using var scope = app.Get<TenantScopeFactory>().CreateScope(app.Get<TenantRegistry>().Find(tenant.Name) ?? tenant);
        await work(scope.ServiceProvider);
    }

    /// <summary>A browser-like client for the practice's site: by its host name (default) or its /t/{name} prefix.</summary>
    public static HttpClient ClientFor(this PortalApplication app, TenantDescriptor tenant, bool viaPrefix = false)
        => app.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            BaseAddress = viaPrefix ? new Uri($"http://localhost/t/{tenant.Name}/") : new Uri($"http://{tenant.Name}.localhost/"),
        });

    /// <summary>A client for the platform's own site (host admin).</summary>
    public static HttpClient HostClient(this PortalApplication app)
        => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://localhost/") });

    public static async Task<HttpClient> SignedInClientAsync(this PortalApplication app, TenantDescriptor tenant, PortalUser user, string? password = null)
    {
        var client = app.ClientFor(tenant);
        var response = await client.SubmitFormAsync("account/signin", new()
        {
            ["Email"] = user.Email!,
            ["Password"] = password ?? (user.Kind == UserKind.Staff ? StaffPassword : ClientPassword),
        });
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Signing in {user.Email} failed: {(int)response.StatusCode}");
        }

        return client;
    }

    public static async Task<HttpClient> OperatorClientAsync(this PortalApplication app)
    {
        var client = app.HostClient();
        var response = await client.SubmitFormAsync("admin/signin", new()
        {
            ["Email"] = PortalApplicationOptions.OperatorEmail,
            ["Password"] = PortalApplicationOptions.OperatorPassword,
        });
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Operator sign-in failed: {(int)response.StatusCode}");
        }

        return client;
    }
}
