using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Tenancy;
using Portal.Plans.Models;
using Portal.Plans.Services;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Plans;

/// <summary>Plans made and assigned the way the host admin does it (through <see cref="PlanCatalog"/>).</summary>
internal static class PlanTestData
{
    public static async Task<Plan> CreatePlanAsync(this PortalApplication app, int? requestsPerMonth = null, int? storageGigabytes = null, int? staffSeats = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<PlanCatalog>().SaveAsync(null, new PlanInput
        {
            Name = Practices.UniqueName("plan-"),
            PaymentRequestsPerMonth = requestsPerMonth?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            StorageGigabytes = storageGigabytes?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            StaffSeats = staffSeats?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, null);
        return result.Plan ?? throw new InvalidOperationException(string.Join(" ", result.Problems.Values));
    }

    public static async Task AssignPlanAsync(this PortalApplication app, TenantDescriptor practice, Plan? plan)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var registered = app.Get<TenantRegistry>().Find(practice.Name) ?? practice;
        Assert.NotEqual(Guid.Empty, registered.Id);
        var problem = await scope.ServiceProvider.GetRequiredService<PlanCatalog>().AssignAsync(registered.Id, registered.DisplayName, plan?.Id, null);
        Assert.Null(problem);
    }
}
